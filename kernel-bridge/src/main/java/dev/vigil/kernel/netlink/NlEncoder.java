package dev.vigil.kernel.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a netlink message body: a fixed family header written with the {@code put*} methods,
 * then typed attributes ({@code u32}, {@code string}, {@link #beginNested}...). Values are in
 * host byte order unless the method name says {@code be} (network order).
 */
public final class NlEncoder {
    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    private void ensure(int n) {
        if (buf.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                    .order(ByteOrder.nativeOrder());
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    private void pad() {
        ensure(3);
        while (buf.position() % 4 != 0) {
            buf.put((byte) 0);
        }
    }

    // ---- fixed headers ----

    public NlEncoder putU8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    public NlEncoder putU16(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    public NlEncoder putU32(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    public NlEncoder putBytes(byte[] v) {
        ensure(v.length);
        buf.put(v);
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
        buf.putShort((short) (4 + payloadLen));
        buf.putShort((short) type);
    }

    public NlEncoder u8(int type, int v) {
        header(type, 1);
        buf.put((byte) v);
        return this;
    }

    public NlEncoder u16(int type, int v) {
        header(type, 2);
        buf.putShort((short) v);
        return this;
    }

    public NlEncoder u32(int type, int v) {
        header(type, 4);
        buf.putInt(v);
        return this;
    }

    public NlEncoder u64(int type, long v) {
        header(type, 8);
        buf.putLong(v);
        return this;
    }

    /** A 16-bit value in network byte order (ports). */
    public NlEncoder be16(int type, int v) {
        header(type, 2);
        buf.put((byte) (v >>> 8)).put((byte) v);
        return this;
    }

    /** A 32-bit value in network byte order (netmasks). */
    public NlEncoder be32(int type, int v) {
        header(type, 4);
        buf.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
        return this;
    }

    /** A NUL-terminated string. */
    public NlEncoder string(int type, String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        header(type, b.length + 1);
        buf.put(b).put((byte) 0);
        return this;
    }

    public NlEncoder bytes(int type, byte[] v) {
        header(type, v.length);
        buf.put(v);
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
        int mark = buf.position();
        header(type | Netlink.NLA_F_NESTED, 0);
        return mark;
    }

    /** Starts a nested attribute without the NLA_F_NESTED flag (as some families expect). */
    public int beginNestedPlain(int type) {
        pad();
        int mark = buf.position();
        header(type, 0);
        return mark;
    }

    public NlEncoder endNested(int mark) {
        int len = buf.position() - mark;
        if (len > 0xffff) {
            throw new IllegalArgumentException("nested netlink attribute too long: " + len + " bytes");
        }
        buf.putShort(mark, (short) len);
        return this;
    }

    /**
     * The body built so far, padded to 4 bytes: like iproute2 and libnl, the message length
     * counts the last attribute's padding (the attribute's own length does not).
     */
    public byte[] toBytes() {
        return Arrays.copyOf(buf.array(), Netlink.align(buf.position()));
    }

    public NlRequest request(String op, int type, int flags) {
        return new NlRequest(op, type, flags, toBytes());
    }
}
