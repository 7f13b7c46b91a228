package dev.vigil.example.redis;

import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Judging AUTH and ROLE replies, without a server. */
class RoleVerdictTest {
    private static final Duration D = Duration.ofMillis(3);

    private static RespReply reply(String resp) {
        RespDecoder d = new RespDecoder();
        d.append(ByteBuffer.wrap(resp.getBytes(StandardCharsets.UTF_8)));
        return d.next().orElseThrow();
    }

    @Test
    void theFirstElementOfRoleMustBeTheConfiguredRole() {
        CheckResult master = RoleVerdict.role(Role.MASTER, reply(FakeRedis.MASTER), D);
        assertThat(master.healthy()).isTrue();
        assertThat(master.duration()).isEqualTo(D);
        assertThat(RoleVerdict.role(Role.MASTER, reply("*3\r\n$6\r\nmaster\r\n:0\r\n*1\r\n*3\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\n0\r\n"), D)
                .message()).isEqualTo("role master, 1 replica");
        assertThat(RoleVerdict.role(Role.SLAVE, reply(FakeRedis.MASTER), D))
                .extracting(CheckResult::healthy, CheckResult::message).containsExactly(false, "role master, expected slave");
        assertThat(RoleVerdict.role(Role.MASTER, reply("*2\r\n$8\r\nsentinel\r\n*0\r\n"), D).message())
                .isEqualTo("role sentinel, expected master");
        assertThat(RoleVerdict.role(Role.SLAVE, reply("*5\r\n$5\r\nslave\r\n$8\r\n10.0.0.1\r\n:6379\r\n$10\r\nconnecting\r\n:-1\r\n"), D)
                .message()).isEqualTo("role slave of 10.0.0.1:6379, link connecting");
    }

    @Test
    void errorsAndOddRepliesAreFailures() {
        assertThat(RoleVerdict.role(Role.MASTER, new RespReply.Error("LOADING Redis is loading"), D).message())
                .isEqualTo("ROLE refused: LOADING Redis is loading");
        assertThat(RoleVerdict.role(Role.MASTER, new RespReply.Int(1), D).message())
                .isEqualTo("unexpected reply to ROLE: Int[value=1]");
        assertThat(RoleVerdict.role(Role.MASTER, new RespReply.Array(List.of()), D).healthy()).isFalse();
    }

    @Test
    void authMustAnswerOk() {
        assertThat(RoleVerdict.auth(new RespReply.Simple("OK"), D)).isEmpty();
        assertThat(RoleVerdict.auth(new RespReply.Error("WRONGPASS no"), D).orElseThrow().message())
                .isEqualTo("AUTH refused: WRONGPASS no");
        assertThat(RoleVerdict.auth(new RespReply.Simple("QUEUED"), D).orElseThrow().healthy()).isFalse();
    }
}
