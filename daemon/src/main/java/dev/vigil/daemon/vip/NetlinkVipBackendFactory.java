package dev.vigil.daemon.vip;

import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.Syscalls;
import dev.vigil.kernel.rtnl.NetlinkAddressTable;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VipBackendFactory;
import java.util.List;

/**
 * {@code vip_backend: {type: netlink}}: the default, written out. It has no settings; the
 * addresses go into the kernel's address table and are announced with GARP / NA, as without a
 * {@code vip_backend} section.
 */
public final class NetlinkVipBackendFactory implements VipBackendFactory {
    public static final String TYPE = "netlink";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        return new SectionReader(section).finish();
    }

    @Override
    public VipBackend create(Section section, PluginContext context) {
        NetlinkAddressTable table = NetlinkAddressTable.open();
        return new NetlinkVipBackend(table, NetlinkVipBackendFactory::ifindex, table::close);
    }

    private static int ifindex(String name) {
        try {
            return Syscalls.ifNameToIndex(name);
        } catch (KernelException e) {
            return 0;
        }
    }
}
