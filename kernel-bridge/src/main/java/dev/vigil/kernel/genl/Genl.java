package dev.vigil.kernel.genl;

import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.util.List;

/** Constants from linux/genetlink.h and helpers to frame generic netlink messages. */
public final class Genl {
    public static final int GENL_HDRLEN = 4;
    public static final int GENL_ID_CTRL = 16;

    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;

    private Genl() {
    }

    /** A resolved family: its dynamic message type id, version and maximum attribute. */
    public record Family(String name, int id, int version, int maxAttr) {
    }

    /** Starts a body with the generic netlink header {cmd, version, reserved}. */
    public static NlEncoder header(int cmd, int version) {
        return new NlEncoder().putU8(cmd).putU8(version).putU16(0);
    }

    /** The command byte of a generic netlink message. */
    public static int command(NlMessage m) {
        return m.payload().get(0) & 0xff;
    }

    /** The attributes after the generic netlink header. */
    public static Attrs attrs(NlMessage m) {
        return m.attrs(GENL_HDRLEN);
    }

    /** The request that resolves family {@code name}. */
    public static NlRequest getFamilyRequest(String name) {
        return header(CTRL_CMD_GETFAMILY, 0).string(CTRL_ATTR_FAMILY_NAME, name)
                .request("CTRL_CMD_GETFAMILY(" + name + ")", GENL_ID_CTRL, 0);
    }

    /**
     * Resolves family {@code name}. Throws {@link dev.vigil.kernel.netlink.NetlinkException} with
     * ENOENT when the kernel has no such family (e.g. IPVS not built in or not loaded).
     */
    public static Family resolve(NetlinkClient client, String name) {
        List<NlMessage> replies = client.request(getFamilyRequest(name));
        if (replies.isEmpty()) {
            throw new dev.vigil.kernel.netlink.NetlinkException("CTRL_CMD_GETFAMILY(" + name + ")",
                    dev.vigil.kernel.libc.Errno.ENOENT, "no reply");
        }
        Attrs a = attrs(replies.get(0));
        return new Family(a.string(CTRL_ATTR_FAMILY_NAME), a.u16(CTRL_ATTR_FAMILY_ID),
                a.u32(CTRL_ATTR_VERSION, 0), a.u32(CTRL_ATTR_MAXATTR, 0));
    }
}
