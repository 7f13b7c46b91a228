package dev.vigil.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One received netlink message: header fields and the payload after the 16-byte header
 * (a read-only buffer in host byte order, positioned at 0).
 */
public record NlMessage(int type, int flags, int seq, int pid, ByteBuffer payload) {

    public NlMessage {
        payload = (payload.isReadOnly() ? payload : payload.asReadOnlyBuffer()).order(ByteOrder.nativeOrder());
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

    /** Splits a datagram into messages. */
    public static java.util.List<NlMessage> parseAll(ByteBuffer datagram) {
        // One read-only view of the datagram; each payload is a slice of it (read-only too).
        ByteBuffer b = datagram.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
        java.util.List<NlMessage> out = new java.util.ArrayList<>();
        while (b.remaining() >= Netlink.HEADER_LEN) {
            int start = b.position();
            int len = b.getInt(start);
            if (len < Netlink.HEADER_LEN || len > b.remaining()) {
                throw new NetlinkException("parse", dev.vigil.kernel.libc.Errno.EINVAL,
                        "malformed netlink message length " + len + " with " + b.remaining() + " bytes left");
            }
            int type = b.getShort(start + 4) & 0xffff;
            int flags = b.getShort(start + 6) & 0xffff;
            int seq = b.getInt(start + 8);
            int pid = b.getInt(start + 12);
            out.add(new NlMessage(type, flags, seq, pid, b.slice(start + Netlink.HEADER_LEN, len - Netlink.HEADER_LEN)));
            b.position(Math.min(b.limit(), start + Netlink.align(len)));
        }
        return out;
    }
}
