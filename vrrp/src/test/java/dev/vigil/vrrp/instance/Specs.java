package dev.vigil.vrrp.instance;

import dev.vigil.kernel.IpFamily;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.packet.AuthType;
import java.time.Duration;
import java.util.List;

/** Instance specs for tests: one IPv4 VIP 10.0.0.100/24 on eth0 (index 2), VRID 51. */
final class Specs {
    private Specs() {
    }

    static InstanceSpec v3(String name, int priority, int advertCentis) {
        return new InstanceSpec(name, "eth0", 2, IpFamily.V4, 3, 51, priority, advertCentis, true, Duration.ZERO,
                false, AuthType.NONE, null, List.of(new Vip(FakeLan.vip("10.0.0.100/24"), "eth0", true)), List.of(),
                List.of(), null, List.of(), 255, false, GarpPolicy.defaults(), false, false, false, false, true,
                List.of(), new NotifyCommands(null, null, null, null, null, null), Duration.ofSeconds(10));
    }

    static InstanceSpec v2(String name, int priority, String password) {
        InstanceSpec s = v3(name, priority, 100);
        return new InstanceSpec(s.name(), s.interfaceName(), s.interfaceIndex(), s.family(), 2, s.vrid(), s.priority(),
                100, s.preempt(), s.preemptDelay(), s.startAsMaster(), AuthType.PASS, password, s.vips(), s.routes(),
                s.rules(), s.sourceAddress(), s.unicastPeers(), s.unicastTtl(), s.checkUnicastSrc(), s.garp(),
                s.skipCheckAdvAddr(), s.lowerPrioNoAdvert(), s.higherPrioSendAdvert(), s.strict(), s.trackPrimary(),
                s.tracked(), s.notifyCommands(), s.notifyTimeout());
    }

    static InstanceSpec nopreempt(InstanceSpec s) {
        return new InstanceSpec(s.name(), s.interfaceName(), s.interfaceIndex(), s.family(), s.version(), s.vrid(),
                s.priority(), s.advertIntervalCentis(), false, s.preemptDelay(), s.startAsMaster(), s.authType(),
                s.authPass(), s.vips(), s.routes(), s.rules(), s.sourceAddress(), s.unicastPeers(), s.unicastTtl(),
                s.checkUnicastSrc(), s.garp(), s.skipCheckAdvAddr(), s.lowerPrioNoAdvert(), s.higherPrioSendAdvert(),
                s.strict(), s.trackPrimary(), s.tracked(), s.notifyCommands(), s.notifyTimeout());
    }
}
