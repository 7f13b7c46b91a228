package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.NetlinkAddressTable;
import dev.vigil.vrrp.engine.EngineSpec;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.Vip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the kernel has, beside what the configuration wants: the virtual addresses of each instance
 * that are on an interface now ({@code ip addr}), read with one address dump on a socket of its
 * own (the engine's sockets stay on the engine's loop).
 */
final class ObservedVips {
    private ObservedVips() {
    }

    /** Adds {@code vips_present} to each row; when the dump fails, {@code vips_present_error} says why. */
    static void annotate(List<Map<String, Object>> rows, EngineSpec spec) {
        List<IfAddress> present;
        try (NetlinkAddressTable table = NetlinkAddressTable.open()) {
            present = table.list();
        } catch (RuntimeException e) {
            rows.forEach(r -> r.put("vips_present_error", String.valueOf(e.getMessage())));
            return;
        }
        for (Map<String, Object> row : rows) {
            InstanceSpec s = spec.instances().stream().filter(i -> i.name().equals(row.get("instance"))).findFirst()
                    .orElse(null);
            row.put("vips_present", s == null ? List.of() : present(s.vips(), present));
        }
    }

    static List<String> present(List<Vip> vips, List<IfAddress> kernel) {
        List<String> out = new ArrayList<>();
        for (Vip v : vips) {
            boolean there = kernel.stream().anyMatch(a -> a.address().equals(v.address().address())
                    && a.prefixLength() == v.address().prefixLength());
            if (there) {
                out.add(v.toString());
            }
        }
        return out;
    }
}
