package dev.vigil.kernel.netlink;

import dev.vigil.kernel.libc.Bytes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The attributes' bytes, from {@link #from} to {@link #to}: the received datagram itself when
     * it is an array (as {@link NetlinkSocket} delivers it), else a copy. Reads are plain array
     * reads ({@link Bytes}), which cost far less than a buffer's accessor layers until compiled.
     */
    private final byte[] data;
    private final int from;
    private final int to;
    /**
     * By type: at {@code 2 * type} 1 + the payload offset of the first attribute of that type (0
     * when absent), at {@code 2 * type + 1} its length. One array per level, no copies of the
     * bytes: decoding a dump of 100,000 entries allocates little more than the entries.
     */
    private final int[] slots;

    private Attrs(byte[] data, int from, int to, int[] slots) {
        this.data = data;
        this.from = from;
        this.to = to;
        this.slots = slots;
    }

    /** Parses all attributes in {@code b} from its position to its limit. */
    public static Attrs parse(ByteBuffer b) {
        return parse(b, b.position(), b.limit());
    }

    /** Parses the attributes in {@code [from, to)} of {@code in} (absolute offsets), not copied when it has an array. */
    static Attrs parse(ByteBuffer in, int from, int to) {
        if (in.hasArray()) {
            return parse(in.array(), in.arrayOffset() + from, in.arrayOffset() + to);
        }
        byte[] copy = new byte[to - from];
        in.get(from, copy);
        return parse(copy, 0, copy.length);
    }

    private static Attrs parse(byte[] data, int from, int to) {
        int[] slots = new int[32];
        int pos = from;
        while (to - pos >= 4) {
            int len = Bytes.shortHost(data, pos);
            int type = Bytes.shortHost(data, pos + 2) & Netlink.NLA_TYPE_MASK;
            if (len < 4 || len > to - pos) {
                throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                        "malformed attribute length " + len + " (type " + type + ")");
            }
            if (2 * type + 1 >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(2 * slots.length, 2 * type + 2));
            }
            if (slots[2 * type] == 0) {
                slots[2 * type] = pos + 4 + 1;
                slots[2 * type + 1] = len - 4;
            }
            pos = Math.min(to, pos + Netlink.align(len));
        }
        return new Attrs(data, from, to, slots);
    }

    /** Every attribute, in order (repeated types included). */
    public List<Attr> all() {
        List<Attr> out = new ArrayList<>();
        int pos = from;
        while (to - pos >= 4) {
            int len = Bytes.shortHost(data, pos);
            int type = Bytes.shortHost(data, pos + 2) & Netlink.NLA_TYPE_MASK;
            out.add(new Attr(type, value(pos + 4, len - 4)));
            pos = Math.min(to, pos + Netlink.align(len));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code n} bytes at {@code offset} as a new buffer (host byte order, positioned at 0). */
    private ByteBuffer value(int offset, int n) {
        return ByteBuffer.wrap(data, offset, n).slice().order(ByteOrder.nativeOrder());
    }

    /** The payload offset of the first attribute of {@code type}, or -1. */
    private int offset(int type) {
        return type >= 0 && 2 * type < slots.length ? slots[2 * type] - 1 : -1;
    }

    private int length(int type) {
        return slots[2 * type + 1];
    }

    public boolean has(int type) {
        return offset(type) >= 0;
    }

    public Attr get(int type) {
        int at = offset(type);
        return at < 0 ? null : new Attr(type, value(at, length(type)));
    }

    /** The offset in {@link #data} of the payload of the first {@code type} attribute, checked to hold {@code size} bytes. */
    private int need(int type, int size) {
        int at = offset(type);
        if (at < 0) {
            throw new java.util.NoSuchElementException("attribute " + type + " missing");
        }
        if (length(type) < size) {
            throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                    "attribute " + type + " has " + length(type) + " bytes, needs " + size);
        }
        return at;
    }

    public int u8(int type) {
        return data[need(type, 1)] & 0xff;
    }

    public int u16(int type) {
        return Bytes.shortHost(data, need(type, 2));
    }

    public int u32(int type) {
        return Bytes.intHost(data, need(type, 4));
    }

    public long u64(int type) {
        return Bytes.longHost(data, need(type, 8));
    }

    public int be16(int type) {
        return Bytes.shortNet(data, need(type, 2));
    }

    public int be32(int type) {
        return Bytes.intNet(data, need(type, 4));
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
        int at = offset(type);
        if (at < 0) {
            return null;
        }
        int n = length(type);
        while (n > 0 && data[at + n - 1] == 0) {
            n--;
        }
        return new String(data, at, n, StandardCharsets.UTF_8);
    }

    public byte[] bytes(int type) {
        int at = offset(type);
        return at < 0 ? null : Arrays.copyOfRange(data, at, at + length(type));
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
        int at = offset(type);
        return at < 0 ? null : parse(data, at, at + length(type));
    }
}
