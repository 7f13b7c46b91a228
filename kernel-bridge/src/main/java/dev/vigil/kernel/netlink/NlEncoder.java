package dev.vigil.kernel.netlink;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a netlink message body: a fixed family header written with the {@code put*} methods,
 * then typed attributes ({@code u32}, {@code string}, {@link #beginNested}...). Values are in
 * host byte order unless the method name says {@code be} (network order).
 */
public final class NlEncoder {
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    /** The bytes so far: a plain array, since buffer views cost much more before the JIT has run. */
    private byte[] buf = new byte[256];
    private int pos;

    private void ensure(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void pad() {
        int padded = Netlink.align(pos);
        ensure(padded - pos);
        while (pos < padded) {
            buf[pos++] = 0;
        }
    }

    private void put16(int at, int v) {
        if (BIG_ENDIAN) {
            buf[at] = (byte) (v >>> 8);
            buf[at + 1] = (byte) v;
        } else {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
        }
    }

    private void put32(int v) {
        if (BIG_ENDIAN) {
            putBe32(v);
        } else {
            buf[pos] = (byte) v;
            buf[pos + 1] = (byte) (v >>> 8);
            buf[pos + 2] = (byte) (v >>> 16);
            buf[pos + 3] = (byte) (v >>> 24);
            pos += 4;
        }
    }

    private void putBe32(int v) {
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    private void putArray(byte[] v) {
        System.arraycopy(v, 0, buf, pos, v.length);
        pos += v.length;
    }

    // ---- fixed headers ----

    public NlEncoder putU8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public NlEncoder putU16(int v) {
        ensure(2);
        put16(pos, v);
        pos += 2;
        return this;
    }

    public NlEncoder putU32(int v) {
        ensure(4);
        put32(v);
        return this;
    }

    public NlEncoder putBytes(byte[] v) {
        ensure(v.length);
        putArray(v);
        return this;
    }

    /** Pads the fixed header to 4-byte alignment. */
    public NlEncoder align() {
        pad();
        return this;
    }

    // ---- attributes ----

    private void header(int type, int payloadLen) {
        if (4 + payloadLen > 0xffff) {
            throw new IllegalArgumentException("netlink attribute " + type + " too long: " + payloadLen + " bytes");
        }
        pad();
        ensure(4 + payloadLen + 3);
        put16(pos, 4 + payloadLen);
        put16(pos + 2, type);
        pos += 4;
    }

    public NlEncoder u8(int type, int v) {
        header(type, 1);
        buf[pos++] = (byte) v;
        return this;
    }

    public NlEncoder u16(int type, int v) {
        header(type, 2);
        put16(pos, v);
        pos += 2;
        return this;
    }

    public NlEncoder u32(int type, int v) {
        header(type, 4);
        put32(v);
        return this;
    }

    public NlEncoder u64(int type, long v) {
        header(type, 8);
        if (BIG_ENDIAN) {
            put32((int) (v >>> 32));
            put32((int) v);
        } else {
            put32((int) v);
            put32((int) (v >>> 32));
        }
        return this;
    }

    /** A 16-bit value in network byte order (ports). */
    public NlEncoder be16(int type, int v) {
        header(type, 2);
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
        return this;
    }

    /** A 32-bit value in network byte order (netmasks). */
    public NlEncoder be32(int type, int v) {
        header(type, 4);
        putBe32(v);
        return this;
    }

    /** A NUL-terminated string. */
    public NlEncoder string(int type, String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        header(type, b.length + 1);
        putArray(b);
        buf[pos++] = 0;
        return this;
    }

    public NlEncoder bytes(int type, byte[] v) {
        header(type, v.length);
        putArray(v);
        return this;
    }

    /** The raw address bytes (4 or 16). */
    public NlEncoder address(int type, InetAddress a) {
        return bytes(type, a.getAddress());
    }

    /** An attribute with no payload. */
    public NlEncoder flag(int type) {
        header(type, 0);
        return this;
    }

    /** Starts a nested attribute; returns a mark for {@link #endNested(int)}. */
    public int beginNested(int type) {
        pad();
        int mark = pos;
        header(type | Netlink.NLA_F_NESTED, 0);
        return mark;
    }

    /** Starts a nested attribute without the NLA_F_NESTED flag (as some families expect). */
    public int beginNestedPlain(int type) {
        pad();
        int mark = pos;
        header(type, 0);
        return mark;
    }

    public NlEncoder endNested(int mark) {
        int len = pos - mark;
        if (len > 0xffff) {
            throw new IllegalArgumentException("nested netlink attribute too long: " + len + " bytes");
        }
        put16(mark, len);
        return this;
    }

    /**
     * The body built so far, padded to 4 bytes: like iproute2 and libnl, the message length
     * counts the last attribute's padding (the attribute's own length does not).
     */
    public byte[] toBytes() {
        int n = Netlink.align(pos);
        ensure(n - pos);
        return Arrays.copyOf(buf, n);
    }

    public NlRequest request(String op, int type, int flags) {
        return new NlRequest(op, type, flags, toBytes());
    }
}
