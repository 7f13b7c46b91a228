package dev.vigil.daemon.vip;

import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;
import dev.vigil.plugin.vip.VirtualAddress;
import dev.vigil.vrrp.instance.Vip;
import java.util.List;
import java.util.Optional;

/** Conversions between VRRP's virtual addresses and the plugin API's, and backend identities. */
public final class VipBackends {
    private VipBackends() {
    }

    /** {@code vips} of {@code instance} as the plugin API describes them. */
    public static List<VirtualAddress> virtual(String instance, List<Vip> vips) {
        return vips.stream().map(v -> virtual(instance, v)).toList();
    }

    public static VirtualAddress virtual(String instance, Vip v) {
        var a = v.address();
        return new VirtualAddress(instance, a.address(), a.prefixLength(), v.interfaceName(),
                Optional.ofNullable(a.label()), a.scope().toString(), Optional.ofNullable(a.broadcast()));
    }

    /**
     * What identifies a configured backend: its type and settings, without source positions, so an
     * unchanged section keeps its instance running across a reload and a changed one restarts it.
     * Null for no section or the netlink backend (the default).
     */
    public static String identity(Section section) {
        if (section == null || NetlinkVipBackendFactory.TYPE.equals(section.type())) {
            return null;
        }
        return section.type() + " " + text(section.params());
    }

    private static String text(ConfNode node) {
        if (node instanceof ScalarNode s) {
            return String.valueOf(s.value());
        }
        if (node instanceof ListNode l) {
            return l.items().stream().map(VipBackends::text).toList().toString();
        }
        StringBuilder sb = new StringBuilder("{");
        for (MapNode.Entry e : ((MapNode) node).entries()) {
            sb.append(e.key()).append('=').append(text(e.value())).append(';');
        }
        return sb.append('}').toString();
    }
}
