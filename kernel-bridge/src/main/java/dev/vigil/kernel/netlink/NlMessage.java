package dev.vigil.kernel.netlink;

import dev.vigil.kernel.libc.Bytes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One received netlink message: header fields and the payload after the 16-byte header (a view
 * of the received datagram in host byte order, positioned at 0; treat it as read-only).
 */
public record NlMessage(int type, int flags, int seq, int pid, ByteBuffer payload) {

    public NlMessage {
        if (payload.order() != ByteOrder.nativeOrder()) {
            payload = payload.duplicate().order(ByteOrder.nativeOrder());
        }
    }

    /** The payload from {@code offset} on (after a fixed family header), as a new buffer. */
    public ByteBuffer payloadFrom(int offset) {
        ByteBuffer b = payload.duplicate().order(ByteOrder.nativeOrder());
        b.position(Math.min(offset, b.limit()));
        return b.slice().order(ByteOrder.nativeOrder());
    }

    /** The attributes that follow a fixed family header of {@code headerLen} bytes. */
    public Attrs attrs(int headerLen) {
        return Attrs.parse(payload, Math.min(payload.position() + Netlink.align(headerLen), payload.limit()),
                payload.limit());
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * Splits a datagram into messages. Each payload is a view of the datagram's bytes (its array,
     * when it has one, which the attribute decoder then reads directly).
     */
    public static java.util.List<NlMessage> parseAll(ByteBuffer datagram) {
        ByteBuffer b = datagram.hasArray() ? datagram : copyOf(datagram);
        byte[] data = b.array();
        int base = b.arrayOffset();
        int pos = b.position();
        int end = b.limit();
        java.util.List<NlMessage> out = new java.util.ArrayList<>();
        while (end - pos >= Netlink.HEADER_LEN) {
            int at = base + pos;
            int len = Bytes.intHost(data, at);
            if (len < Netlink.HEADER_LEN || len > end - pos) {
                throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                        "malformed netlink message length " + len + " with " + (end - pos) + " bytes left");
            }
            ByteBuffer payload = ByteBuffer.wrap(data, at + Netlink.HEADER_LEN, len - Netlink.HEADER_LEN).slice()
                    .order(ByteOrder.nativeOrder());
            out.add(new NlMessage(Bytes.shortHost(data, at + 4), Bytes.shortHost(data, at + 6),
                    Bytes.intHost(data, at + 8), Bytes.intHost(data, at + 12), payload));
            pos = Math.min(end, pos + Netlink.align(len));
        }
        return out;
    }

    /** The remaining bytes of {@code b} in a heap buffer of their own. */
    private static ByteBuffer copyOf(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return ByteBuffer.wrap(copy);
    }
}
