package dev.vigil.kernel.netlink;

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

    /** The attributes' bytes (native order, absolute offsets), and each one's type, offset and length. */
    private final ByteBuffer buf;
    private final int[] types;
    private final int[] offsets;
    private final int[] lengths;
    private final int count;
    /** By type: 1 + the index of the first attribute of that type, 0 when absent. */
    private final int[] byType;

    private Attrs(ByteBuffer buf, int[] types, int[] offsets, int[] lengths, int count) {
        this.buf = buf;
        this.types = types;
        this.offsets = offsets;
        this.lengths = lengths;
        this.count = count;
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, types[i]);
        }
        byType = new int[max + 1];
        for (int i = count - 1; i >= 0; i--) {
            byType[types[i]] = i + 1;
        }
    }

    /** Parses all attributes in {@code b} from its position to its limit. */
    public static Attrs parse(ByteBuffer b) {
        ByteBuffer in = b.duplicate().order(ByteOrder.nativeOrder());
        int[] types = new int[16];
        int[] offsets = new int[16];
        int[] lengths = new int[16];
        int n = 0;
        int pos = in.position();
        int limit = in.limit();
        while (limit - pos >= 4) {
            int len = in.getShort(pos) & 0xffff;
            int type = (in.getShort(pos + 2) & 0xffff) & Netlink.NLA_TYPE_MASK;
            if (len < 4 || len > limit - pos) {
                throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                        "malformed attribute length " + len + " (type " + type + ")");
            }
            if (n == types.length) {
                types = Arrays.copyOf(types, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
                lengths = Arrays.copyOf(lengths, n * 2);
            }
            types[n] = type;
            offsets[n] = pos + 4;
            lengths[n] = len - 4;
            n++;
            pos = Math.min(limit, pos + Netlink.align(len));
        }
        return new Attrs(in, types, offsets, lengths, n);
    }

    /** Every attribute, in order. */
    public List<Attr> all() {
        List<Attr> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Attr(types[i], value(i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Attribute {@code i}'s payload as a new buffer. */
    private ByteBuffer value(int i) {
        ByteBuffer v = buf.duplicate();
        v.limit(offsets[i] + lengths[i]).position(offsets[i]);
        return v.slice().order(ByteOrder.nativeOrder());
    }

    /** The index of the first attribute of {@code type}, or -1. */
    private int index(int type) {
        return type >= 0 && type < byType.length ? byType[type] - 1 : -1;
    }

    public boolean has(int type) {
        return index(type) >= 0;
    }

    public Attr get(int type) {
        int i = index(type);
        return i < 0 ? null : new Attr(types[i], value(i));
    }

    /** The offset in {@link #buf} of the payload of the first {@code type} attribute, checked to hold {@code size} bytes. */
    private int need(int type, int size) {
        int i = index(type);
        if (i < 0) {
            throw new java.util.NoSuchElementException("attribute " + type + " missing");
        }
        if (lengths[i] < size) {
            throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                    "attribute " + type + " has " + lengths[i] + " bytes, needs " + size);
        }
        return offsets[i];
    }

    public int u8(int type) {
        return buf.get(need(type, 1)) & 0xff;
    }

    public int u16(int type) {
        return buf.getShort(need(type, 2)) & 0xffff;
    }

    public int u32(int type) {
        return buf.getInt(need(type, 4));
    }

    public long u64(int type) {
        return buf.getLong(need(type, 8));
    }

    public int be16(int type) {
        int at = need(type, 2);
        return ((buf.get(at) & 0xff) << 8) | (buf.get(at + 1) & 0xff);
    }

    public int be32(int type) {
        int at = need(type, 4);
        return ((buf.get(at) & 0xff) << 24) | ((buf.get(at + 1) & 0xff) << 16) | ((buf.get(at + 2) & 0xff) << 8)
                | (buf.get(at + 3) & 0xff);
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
        int i = index(type);
        if (i < 0) {
            return null;
        }
        int n = lengths[i];
        while (n > 0 && buf.get(offsets[i] + n - 1) == 0) {
            n--;
        }
        return new String(copy(offsets[i], n), StandardCharsets.UTF_8);
    }

    public byte[] bytes(int type) {
        int i = index(type);
        return i < 0 ? null : copy(offsets[i], lengths[i]);
    }

    private byte[] copy(int offset, int n) {
        byte[] b = new byte[n];
        buf.get(offset, b);
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
        int i = index(type);
        if (i < 0) {
            return null;
        }
        ByteBuffer v = buf.duplicate().order(ByteOrder.nativeOrder());
        v.limit(offsets[i] + lengths[i]).position(offsets[i]);
        return parse(v);
    }
}
