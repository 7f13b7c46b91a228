package dev.vigil.kernel.libc;

import jnr.ffi.Pointer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code struct msghdr} with one {@code iovec}, its name, control and data buffers laid out by
 * hand in one block of native memory (x86_64/LP64 offsets; jnr's Struct omits trailing padding).
 * Layout: msghdr (56 bytes) | iovec (16) | name | control | data, each part 8-byte aligned.
 */
public final class MsgHdr {
    /** {@code sizeof(struct msghdr)} on LP64. */
    public static final int SIZE = 56;
    private static final int NAME = 0;
    private static final int NAMELEN = 8;
    private static final int IOV = 16;
    private static final int IOVLEN = 24;
    private static final int CONTROL = 32;
    private static final int CONTROLLEN = 40;
    private static final int FLAGS = 48;
    private static final int IOVEC_SIZE = 16;

    private final Pointer mem;
    private final int nameOff;
    private final int controlOff;
    private final int dataOff;
    private final int nameCap;
    private final int controlCap;

    private MsgHdr(int nameCap, int controlCap, int dataCap) {
        this.nameCap = nameCap;
        this.controlCap = controlCap;
        nameOff = SIZE + IOVEC_SIZE;
        controlOff = nameOff + Cmsg.align(nameCap);
        dataOff = controlOff + Cmsg.align(controlCap);
        mem = Syscalls.allocate(dataOff + Math.max(dataCap, 1));
        long base = mem.address();
        mem.putAddress(NAME, nameCap == 0 ? 0 : base + nameOff);
        mem.putInt(NAMELEN, nameCap);
        mem.putAddress(IOV, base + SIZE);
        mem.putLong(IOVLEN, 1);
        mem.putAddress(CONTROL, controlCap == 0 ? 0 : base + controlOff);
        mem.putLong(CONTROLLEN, controlCap);
        mem.putAddress(SIZE, base + dataOff);
        mem.putLong(SIZE + 8, dataCap);
    }

    /** A message to send: destination {@code name} (a sockaddr, may be empty), data and control messages. */
    public static MsgHdr forSend(byte[] name, byte[] data, List<Cmsg> control) {
        Objects.requireNonNull(data, "data");
        byte[] ctl = encodeControl(control);
        MsgHdr m = new MsgHdr(name.length, ctl.length, data.length);
        m.mem.put(m.nameOff, name, 0, name.length);
        m.mem.put(m.controlOff, ctl, 0, ctl.length);
        m.mem.put(m.dataOff, data, 0, data.length);
        return m;
    }

    /** An empty message for recvmsg with room for a sockaddr, control messages and data. */
    public static MsgHdr forReceive(int nameCapacity, int controlCapacity, int dataCapacity) {
        return new MsgHdr(nameCapacity, controlCapacity, dataCapacity);
    }

    /** Restores {@code msg_namelen}, {@code msg_controllen} and {@code msg_flags} for another recvmsg. */
    public void reset() {
        mem.putInt(NAMELEN, nameCap);
        mem.putLong(CONTROLLEN, controlCap);
        mem.putInt(FLAGS, 0);
    }

    /** The address of the msghdr, for sendmsg/recvmsg. */
    public Pointer pointer() {
        return mem;
    }

    /** {@code msg_flags} as recvmsg set it (MSG_TRUNC, MSG_CTRUNC). */
    public int flags() {
        return mem.getInt(FLAGS);
    }

    /** The sockaddr recvmsg stored ({@code msg_namelen} bytes). */
    public byte[] name() {
        byte[] b = new byte[mem.getInt(NAMELEN)];
        mem.get(nameOff, b, 0, b.length);
        return b;
    }

    /** The first {@code length} bytes of the data buffer. */
    public byte[] data(int length) {
        byte[] b = new byte[length];
        mem.get(dataOff, b, 0, length);
        return b;
    }

    /** The control messages recvmsg stored ({@code msg_controllen} bytes). */
    public List<Cmsg> control() {
        int len = (int) mem.getLong(CONTROLLEN);
        byte[] b = new byte[len];
        mem.get(controlOff, b, 0, len);
        return decodeControl(b, len);
    }

    /** Encodes control messages as a cmsg buffer (each {@link Cmsg#space} bytes, host byte order). */
    public static byte[] encodeControl(List<Cmsg> messages) {
        int total = 0;
        for (Cmsg c : messages) {
            total += Cmsg.space(c.data().length);
        }
        byte[] b = new byte[total];
        int off = 0;
        for (Cmsg c : messages) {
            byte[] d = c.data();
            Bytes.putLongHost(b, off, c.length());
            Bytes.putIntHost(b, off + 8, c.level());
            Bytes.putIntHost(b, off + 12, c.type());
            System.arraycopy(d, 0, b, off + Cmsg.HEADER, d.length);
            off += Cmsg.space(d.length);
        }
        return b;
    }

    /** Decodes the first {@code length} bytes of a cmsg buffer; stops at a malformed header. */
    public static List<Cmsg> decodeControl(byte[] b, int length) {
        List<Cmsg> out = new ArrayList<>();
        int off = 0;
        while (off + Cmsg.HEADER <= length) {
            long len = Bytes.longHost(b, off);
            if (len < Cmsg.HEADER || off + len > length) {
                break;
            }
            byte[] data = new byte[(int) len - Cmsg.HEADER];
            System.arraycopy(b, off + Cmsg.HEADER, data, 0, data.length);
            out.add(new Cmsg(Bytes.intHost(b, off + 8), Bytes.intHost(b, off + 12), data));
            off += Cmsg.align((int) len);
        }
        return out;
    }
}
