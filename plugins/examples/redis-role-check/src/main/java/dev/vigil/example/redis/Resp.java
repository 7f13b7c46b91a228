package dev.vigil.example.redis;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Encodes commands as RESP arrays of bulk strings, the form every Redis server accepts. */
public final class Resp {
    private Resp() {
    }

    /** {@code words} as one command: {@code *N\r\n} then {@code $LEN\r\nWORD\r\n} for each word. */
    public static byte[] command(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "*" + words.length + "\r\n");
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            ascii(out, "$" + b.length + "\r\n");
            out.writeBytes(b);
            ascii(out, "\r\n");
        }
        return out.toByteArray();
    }

    /** Several commands sent at once (pipelined); the server answers them in order. */
    public static ByteBuffer pipeline(byte[]... commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : commands) {
            out.writeBytes(c);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
