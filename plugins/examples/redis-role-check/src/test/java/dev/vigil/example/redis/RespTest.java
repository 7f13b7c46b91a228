package dev.vigil.example.redis;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RESP2 encoding of commands and decoding of replies that arrive in pieces. */
class RespTest {
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RespReply> decodeAll(String s) {
        RespDecoder d = new RespDecoder();
        d.append(bytes(s));
        List<RespReply> out = new ArrayList<>();
        for (Optional<RespReply> r = d.next(); r.isPresent(); r = d.next()) {
            out.add(r.get());
        }
        return out;
    }

    @Test
    void commandsAreArraysOfBulkStrings() {
        assertThat(new String(Resp.command("AUTH", "pä"), StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n");
        ByteBuffer both = Resp.pipeline(Resp.command("AUTH", "x"), Resp.command("ROLE"));
        assertThat(StandardCharsets.UTF_8.decode(both).toString()).isEqualTo("*2\r\n$4\r\nAUTH\r\n$1\r\nx\r\n*1\r\n$4\r\nROLE\r\n");
    }

    @Test
    void everyReplyTypeDecodes() {
        assertThat(decodeAll("+OK\r\n-ERR no\r\n:42\r\n$3\r\nabc\r\n$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n")).containsExactly(
                new RespReply.Simple("OK"), new RespReply.Error("ERR no"), new RespReply.Int(42),
                new RespReply.Bulk("abc"), new RespReply.Nil(), new RespReply.Nil(), new RespReply.Array(List.of()),
                new RespReply.Bulk(""));
    }

    @Test
    void aMasterReplySplitAnywhereDecodesOnceComplete() {
        byte[] all = FakeRedis.MASTER.getBytes(StandardCharsets.UTF_8);
        RespReply whole = decodeAll(FakeRedis.MASTER).get(0);
        assertThat(whole).isInstanceOf(RespReply.Array.class);
        assertThat(((RespReply.Array) whole).items()).hasSize(3);
        for (int cut = 1; cut < all.length; cut++) {
            RespDecoder d = new RespDecoder();
            d.append(ByteBuffer.wrap(all, 0, cut));
            assertThat(d.next()).as("after %d of %d bytes", cut, all.length).isEmpty();
            d.append(ByteBuffer.wrap(all, cut, all.length - cut));
            assertThat(d.next()).contains(whole);
            assertThat(d.next()).isEmpty();
        }
    }

    @Test
    void malformedOrHugeRepliesAreRefused() {
        assertThatThrownBy(() -> decodeAll("hello\r\n")).isInstanceOf(RespException.class)
                .hasMessage("not a RESP reply: 'hello'");
        assertThatThrownBy(() -> decodeAll(":x1\r\n")).hasMessage("not a RESP length or integer: 'x1'");
        assertThatThrownBy(() -> decodeAll("$3\r\nabcd\r\n")).hasMessage("bulk string of 3 bytes does not end with CRLF");
        assertThatThrownBy(() -> decodeAll("$999999999\r\n")).hasMessage("bulk string of 999999999 bytes is too long");
        assertThatThrownBy(() -> decodeAll("*1\r\n".repeat(9) + ":1\r\n"))
                .hasMessage("array too deep or too long (1 items at depth 8)");
        RespDecoder d = new RespDecoder();
        assertThatThrownBy(() -> d.append(ByteBuffer.allocate(RespDecoder.MAX_BYTES + 1)))
                .hasMessage("reply longer than 1048576 bytes");
    }
}
