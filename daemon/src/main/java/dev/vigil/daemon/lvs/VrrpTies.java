package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.LvsSyncDaemon;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.ipvs.SyncState;
import dev.vigil.lvs.engine.LvsEngine;
import dev.vigil.vrrp.notify.StateChange;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What VRRP decides for LVS: the addresses present for ha_suspend are the VIPs of the instances
 * that are MASTER; the lvs_sync_daemon runs as master while its instance is MASTER and as backup
 * otherwise (sync id: the configured one, else the instance's VRID).
 */
final class VrrpTies {
    private VrrpTies() {
    }

    static void apply(LvsEngine engine, VigilConfig config, Map<String, String> states) {
        Set<InetAddress> present = new HashSet<>();
        for (VrrpInstance vi : config.vrrpInstance()) {
            if (StateChange.MASTER.equals(states.get(vi.name()))) {
                for (VirtualAddress va : vi.virtualIpaddress()) {
                    present.add(IpAddresses.parse(va.address().address().text()));
                }
            }
        }
        engine.presentAddresses(present);
        engine.syncDaemon(sync(config, states));
    }

    static Optional<SyncDaemon> sync(VigilConfig config, Map<String, String> states) {
        LvsSyncDaemon s = config.globalDefs().lvsSyncDaemon();
        if (s == null) {
            return Optional.empty();
        }
        Optional<VrrpInstance> vi = config.vrrpInstance().stream().filter(i -> i.name().equals(s.vrrpInstance())).findFirst();
        int syncId = s.syncid() != null ? s.syncid() : vi.map(VrrpInstance::virtualRouterId).orElse(0);
        SyncState role = StateChange.MASTER.equals(states.get(s.vrrpInstance())) ? SyncState.MASTER : SyncState.BACKUP;
        return Optional.of(new SyncDaemon(role, s.interfaceName(), syncId, s.maxlen() == null ? 0 : s.maxlen(),
                s.group() == null ? null : IpAddresses.parse(s.group().text()), s.port() == null ? 0 : s.port(),
                s.ttl() == null ? 0 : s.ttl()));
    }
}
