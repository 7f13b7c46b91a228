package dev.vigil.kernel.libc;

import java.util.Objects;

/**
 * One ancillary (control) message of sendmsg/recvmsg: {@code cmsg_level}, {@code cmsg_type} and
 * the data that follows the 16-byte x86_64 {@code struct cmsghdr}.
 */
public record Cmsg(int level, int type, byte[] data) {
    /** Size of {@code struct cmsghdr} on LP64: {@code size_t cmsg_len; int cmsg_level; int cmsg_type;}. */
    public static final int HEADER = 16;

    public Cmsg {
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** {@code CMSG_ALIGN}: rounds up to the 8-byte alignment of {@code size_t}. */
    public static int align(int n) {
        return (n + 7) & ~7;
    }

    /** {@code CMSG_SPACE(dataLength)}: bytes one message takes in a control buffer. */
    public static int space(int dataLength) {
        return HEADER + align(dataLength);
    }

    /** {@code CMSG_LEN}: the value of {@code cmsg_len}. */
    public int length() {
        return HEADER + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cmsg c && c.level == level && c.type == type && java.util.Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, type, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Cmsg[level=" + level + ", type=" + type + ", " + data.length + " bytes]";
    }
}
