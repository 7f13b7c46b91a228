package dev.vigil.kernel.netlink;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A netlink request before sending: type, flags and body (family header plus attributes).
 * The client adds the 16-byte header with its own sequence number.
 *
 * @param op a name for errors and logs, e.g. {@code RTM_NEWADDR} or {@code IPVS_CMD_NEW_DEST}
 */
public record NlRequest(String op, int type, int flags, byte[] body) {

    public NlRequest {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(body, "body");
    }

    /** Total encoded length (header + body, without trailing alignment). */
    public int length() {
        return Netlink.HEADER_LEN + body.length;
    }

    /** Writes header and body at the buffer's position, padded to 4 bytes. */
    public void encode(ByteBuffer out, int seq, int extraFlags) {
        int start = out.position();
        out.putInt(length());
        out.putShort((short) type);
        out.putShort((short) (flags | extraFlags));
        out.putInt(seq);
        out.putInt(0);
        out.put(body);
        while ((out.position() - start) % 4 != 0) {
            out.put((byte) 0);
        }
    }

    /** Encodes one request with the given sequence number into a new host-order buffer. */
    public byte[] toBytes(int seq) {
        ByteBuffer b = ByteBuffer.allocate(Netlink.align(length())).order(java.nio.ByteOrder.nativeOrder());
        encode(b, seq, 0);
        return b.array();
    }
}
