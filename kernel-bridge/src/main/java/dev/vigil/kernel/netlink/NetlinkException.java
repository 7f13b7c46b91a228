package dev.vigil.kernel.netlink;

import dev.vigil.kernel.libc.KernelException;

/**
 * The kernel rejected a netlink request: errno plus, when the kernel sent an extended ack, its
 * message and the offset of the offending attribute.
 */
public class NetlinkException extends KernelException {
    private final String extAckMessage;
    private final int extAckOffset;

    public NetlinkException(String op, int errno, String extAckMessage) {
        this(op, errno, extAckMessage, -1);
    }

    public NetlinkException(String op, int errno, String extAckMessage, int extAckOffset) {
        super(op, errno, extAckMessage);
        this.extAckMessage = extAckMessage;
        this.extAckOffset = extAckOffset;
    }

    /** The kernel's extended-ack text, or {@code null}. */
    public String extAckMessage() {
        return extAckMessage;
    }

    /** Offset of the offending attribute in the request, or -1. */
    public int extAckOffset() {
        return extAckOffset;
    }
}
