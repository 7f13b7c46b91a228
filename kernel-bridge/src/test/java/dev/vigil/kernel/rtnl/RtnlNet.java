package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netns.NetNamespace;
import dev.vigil.kernel.testing.TestNet;

import java.util.List;
import java.util.Map;

/** One test namespace with a veth pair veth0/veth1 inside it, both up, and {@code ip -j} readers. */
final class RtnlNet implements AutoCloseable {
    final TestNet net;
    final String ns;
    final NetNamespace netns;

    RtnlNet(String tag) {
        net = TestNet.create(tag);
        try {
            ns = net.ns("a");
            net.exec(ns, "ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
            net.exec(ns, "ip", "link", "set", "veth0", "up");
            net.exec(ns, "ip", "link", "set", "veth1", "up");
            netns = NetNamespace.named(ns);
        } catch (RuntimeException | Error e) {
            net.close();
            throw e;
        }
    }

    String ip(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return net.exec(ns, cmd);
    }

    /** {@code ip -j ARGS} parsed. */
    List<Map<String, Object>> json(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "-j";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Json.array(ip(cmd));
    }

    int index(String dev) {
        return ((Number) json("link", "show", "dev", dev).get(0).get("ifindex")).intValue();
    }

    /** The {@code addr_info} entries of {@code dev}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> addrInfo(String dev) {
        return (List<Map<String, Object>>) json("addr", "show", "dev", dev).get(0).get("addr_info");
    }

    @Override
    public void close() {
        net.close();
    }
}
