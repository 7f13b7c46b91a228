package dev.vigil.example.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes RESP2 replies from bytes that arrive in pieces: {@link #append} what the socket read,
 * then take complete replies with {@link #next} until it answers empty. Bounded: a reply may hold
 * at most {@link #MAX_BYTES} bytes and nest {@link #MAX_DEPTH} arrays deep.
 */
public final class RespDecoder {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 8;

    private byte[] buf = new byte[512];
    private int len;
    private int pos;

    /** Adds the bytes {@code in} has left; throws {@link RespException} past {@link #MAX_BYTES}. */
    public void append(ByteBuffer in) {
        int n = in.remaining();
        if (len - pos + n > MAX_BYTES) {
            throw new RespException("reply longer than " + MAX_BYTES + " bytes");
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
        in.get(buf, len, n);
        len += n;
    }

    /** The next complete reply, or empty when more bytes are needed. */
    public Optional<RespReply> next() {
        int start = pos;
        RespReply r = reply(0);
        if (r == null) {
            pos = start;
        }
        return Optional.ofNullable(r);
    }

    private RespReply reply(int depth) {
        String line = line();
        if (line == null) {
            return null;
        }
        if (line.isEmpty()) {
            throw new RespException("empty line where a reply should start");
        }
        String rest = line.substring(1);
        return switch (line.charAt(0)) {
            case '+' -> new RespReply.Simple(rest);
            case '-' -> new RespReply.Error(rest);
            case ':' -> new RespReply.Int(number(rest));
            case '$' -> bulk(number(rest));
            case '*' -> array(number(rest), depth);
            default -> throw new RespException("not a RESP reply: '" + printable(line) + "'");
        };
    }

    private RespReply bulk(long size) {
        if (size < 0) {
            return new RespReply.Nil();
        }
        if (size > MAX_BYTES) {
            throw new RespException("bulk string of " + size + " bytes is too long");
        }
        if (len - pos < size + 2) {
            return null;
        }
        int n = (int) size;
        if (buf[pos + n] != '\r' || buf[pos + n + 1] != '\n') {
            throw new RespException("bulk string of " + n + " bytes does not end with CRLF");
        }
        String text = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n + 2;
        return new RespReply.Bulk(text);
    }

    private RespReply array(long count, int depth) {
        if (count < 0) {
            return new RespReply.Nil();
        }
        if (depth >= MAX_DEPTH || count > MAX_BYTES / 4) {
            throw new RespException("array too deep or too long (" + count + " items at depth " + depth + ")");
        }
        List<RespReply> items = new ArrayList<>((int) Math.min(count, 64));
        for (long i = 0; i < count; i++) {
            RespReply item = reply(depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return new RespReply.Array(items);
    }

    /** The next CRLF-terminated line (without it), or null when it has not all arrived. */
    private String line() {
        for (int i = pos; i + 1 < len; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                String s = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                pos = i + 2;
                return s;
            }
        }
        return null;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new RespException("not a RESP length or integer: '" + printable(s) + "'");
        }
    }

    private static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
