package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Acknowledged rtnetlink requests with tolerated errnos, and errors that name the device. */
final class KernelCalls {
    private static final Pattern DEV = Pattern.compile("dev #(\\d+)\\b");

    private KernelCalls() {
    }

    /**
     * Sends {@code request} and waits for the ack. Returns true when acknowledged, false when the
     * kernel answered one of the {@code tolerated} errnos; throws any other error with the
     * interface named (e.g. {@code dev eth0} instead of {@code dev #3}).
     */
    static boolean call(NetlinkClient client, NlRequest request, int... tolerated) {
        try {
            client.request(request);
            return true;
        } catch (NetlinkException e) {
            for (int errno : tolerated) {
                if (e.errno() == errno) {
                    return false;
                }
            }
            throw withDeviceName(client, e);
        }
    }

    /** Replaces {@code dev #N} in the exception's operation with the interface name, when it still exists. */
    static NetlinkException withDeviceName(NetlinkClient client, NetlinkException e) {
        Matcher m = DEV.matcher(e.op());
        if (!m.find()) {
            return e;
        }
        String name = nameOf(client, Integer.parseInt(m.group(1)));
        if (name == null) {
            return e;
        }
        String op = m.replaceFirst(Matcher.quoteReplacement("dev " + name));
        NetlinkException named = new NetlinkException(op, e.errno(), e.extAckMessage(), e.extAckOffset());
        named.setStackTrace(e.getStackTrace());
        return named;
    }

    private static String nameOf(NetlinkClient client, int index) {
        try {
            List<NlMessage> replies = client.request(LinkCodec.get(index));
            for (NlMessage r : replies) {
                Link l = r.type() == Rtnl.RTM_NEWLINK ? LinkCodec.decode(r) : null;
                if (l != null) {
                    return l.name();
                }
            }
        } catch (RuntimeException ignored) {
            // the interface is gone or the lookup failed: keep the index
        }
        return null;
    }
}
