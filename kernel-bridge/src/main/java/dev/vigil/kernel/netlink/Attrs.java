package dev.vigil.kernel.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decoded netlink attributes of one level. Lookups return the first attribute of a type; the
 * {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER} bits are masked off the type.
 */
public final class Attrs {
    /** One attribute: its type (flags masked) and payload. */
    public record Attr(int type, ByteBuffer value) {
        public Attrs nested() {
            return parse(value);
        }
    }

    private final List<Attr> list;
    private final Attr[] byType;

    private Attrs(List<Attr> list) {
        this.list = list;
        int max = 0;
        for (Attr a : list) {
            max = Math.max(max, a.type);
        }
        byType = new Attr[max + 1];
        for (Attr a : list) {
            if (byType[a.type] == null) {
                byType[a.type] = a;
            }
        }
    }

    /** Parses all attributes in {@code b} from its position to its limit. */
    public static Attrs parse(ByteBuffer b) {
        ByteBuffer in = b.duplicate().order(ByteOrder.nativeOrder());
        List<Attr> out = new ArrayList<>();
        while (in.remaining() >= 4) {
            int start = in.position();
            int len = in.getShort(start) & 0xffff;
            int type = (in.getShort(start + 2) & 0xffff) & Netlink.NLA_TYPE_MASK;
            if (len < 4 || len > in.remaining()) {
                throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                        "malformed attribute length " + len + " (type " + type + ")");
            }
            ByteBuffer v = in.duplicate();
            v.position(start + 4).limit(start + len);
            out.add(new Attr(type, v.slice().order(ByteOrder.nativeOrder())));
            in.position(Math.min(in.limit(), start + Netlink.align(len)));
        }
        return new Attrs(Collections.unmodifiableList(out));
    }

    public List<Attr> all() {
        return list;
    }

    public boolean has(int type) {
        return get(type) != null;
    }

    public Attr get(int type) {
        return type >= 0 && type < byType.length ? byType[type] : null;
    }

    private ByteBuffer need(int type, int size) {
        Attr a = get(type);
        if (a == null) {
            throw new java.util.NoSuchElementException("attribute " + type + " missing");
        }
        if (a.value.remaining() < size) {
            throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                    "attribute " + type + " has " + a.value.remaining() + " bytes, needs " + size);
        }
        return a.value;
    }

    public int u8(int type) {
        return need(type, 1).get(0) & 0xff;
    }

    public int u16(int type) {
        return need(type, 2).getShort(0) & 0xffff;
    }

    public int u32(int type) {
        return need(type, 4).getInt(0);
    }

    public long u64(int type) {
        return need(type, 8).getLong(0);
    }

    public int be16(int type) {
        ByteBuffer v = need(type, 2);
        return ((v.get(0) & 0xff) << 8) | (v.get(1) & 0xff);
    }

    public int be32(int type) {
        ByteBuffer v = need(type, 4);
        return ((v.get(0) & 0xff) << 24) | ((v.get(1) & 0xff) << 16) | ((v.get(2) & 0xff) << 8) | (v.get(3) & 0xff);
    }

    public int u8(int type, int dflt) {
        return has(type) ? u8(type) : dflt;
    }

    public int u16(int type, int dflt) {
        return has(type) ? u16(type) : dflt;
    }

    public int u32(int type, int dflt) {
        return has(type) ? u32(type) : dflt;
    }

    public long u64(int type, long dflt) {
        return has(type) ? u64(type) : dflt;
    }

    /** A NUL-terminated (or unterminated) string. */
    public String string(int type) {
        Attr a = get(type);
        if (a == null) {
            return null;
        }
        ByteBuffer v = a.value.duplicate();
        int n = v.remaining();
        while (n > 0 && v.get(n - 1) == 0) {
            n--;
        }
        byte[] b = new byte[n];
        v.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public byte[] bytes(int type) {
        Attr a = get(type);
        if (a == null) {
            return null;
        }
        byte[] b = new byte[a.value.remaining()];
        a.value.duplicate().get(b);
        return b;
    }

    /** An address attribute of 4 or 16 bytes; {@code len} trims longer fields (IPVS uses 16 for IPv4). */
    public InetAddress address(int type, int len) {
        byte[] b = bytes(type);
        if (b == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(len < b.length ? java.util.Arrays.copyOf(b, len) : b);
        } catch (UnknownHostException e) {
            throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL, "bad address length " + b.length);
        }
    }

    public Attrs nested(int type) {
        Attr a = get(type);
        return a == null ? null : parse(a.value);
    }
}
