package dev.vigil.kernel.libc;

import java.nio.ByteOrder;

/** Host byte order helpers for socket option values and socket addresses. */
public final class Bytes {
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private Bytes() {
    }

    public static byte[] intHost(int v) {
        byte[] b = new byte[4];
        putIntHost(b, 0, v);
        return b;
    }

    public static void putIntHost(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            int shift = LITTLE ? 8 * i : 8 * (3 - i);
            b[off + i] = (byte) (v >>> shift);
        }
    }

    public static void putShortHost(byte[] b, int off, int v) {
        if (LITTLE) {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
        } else {
            b[off] = (byte) (v >>> 8);
            b[off + 1] = (byte) v;
        }
    }

    public static void putShortNet(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void putLongHost(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            int shift = LITTLE ? 8 * i : 8 * (7 - i);
            b[off + i] = (byte) (v >>> shift);
        }
    }

    /** Straight-line reads (no loop): the netlink decoders call these for every attribute. */
    public static long longHost(byte[] b, int off) {
        long first = intHost(b, off) & 0xffffffffL;
        long second = intHost(b, off + 4) & 0xffffffffL;
        return LITTLE ? second << 32 | first : first << 32 | second;
    }

    public static int shortNet(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }

    public static int shortHost(byte[] b, int off) {
        return LITTLE ? (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 : shortNet(b, off);
    }

    public static int intHost(byte[] b, int off) {
        return LITTLE ? (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24
                : intNet(b, off);
    }

    public static int intNet(byte[] b, int off) {
        return b[off] << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }
}
