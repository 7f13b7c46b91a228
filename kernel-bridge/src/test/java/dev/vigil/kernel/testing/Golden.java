package dev.vigil.kernel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Golden netlink captures ({@code scripts/capture-netlink} output stored under
 * {@code src/test/resources/golden}): lines {@code > HEX} (sent) and {@code < HEX} (received),
 * {@code #} comments.
 */
public final class Golden {
    /** One captured datagram. */
    public record Datagram(boolean sent, byte[] bytes) {
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.clone()).order(ByteOrder.nativeOrder());
        }
    }

    private Golden() {
    }

    public static List<Datagram> load(String resource) {
        List<Datagram> out = new ArrayList<>();
        for (String line : lines(resource)) {
            if (line.startsWith(">") || line.startsWith("<")) {
                out.add(new Datagram(line.charAt(0) == '>', HexFormat.of().parseHex(line.substring(1).strip())));
            }
        }
        return out;
    }

    /** The command a capture recorded (its {@code # command: ...} line), or null. */
    public static String command(String resource) {
        for (String line : lines(resource)) {
            if (line.startsWith("# command: ")) {
                return line.substring("# command: ".length());
            }
        }
        return null;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(String::strip).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The captured datagrams sent by the tool, in order. */
    public static List<byte[]> sent(String resource) {
        return load(resource).stream().filter(Datagram::sent).map(Datagram::bytes).toList();
    }

    /** The captured datagrams received from the kernel, in order. */
    public static List<byte[]> received(String resource) {
        return load(resource).stream().filter(d -> !d.sent()).map(Datagram::bytes).toList();
    }

    /**
     * A copy of a netlink datagram with every message's sequence number and port id zeroed, so
     * captures compare with bytes encoded under other sequence numbers.
     */
    public static byte[] maskSeqPid(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram.clone()).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos + 16 <= b.limit()) {
            int len = b.getInt(pos);
            b.putInt(pos + 8, 0).putInt(pos + 12, 0);
            if (len < 16) {
                break;
            }
            pos += (len + 3) & ~3;
        }
        return b.array();
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
