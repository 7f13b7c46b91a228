package dev.vigil.example.redis;

import java.util.List;
import java.util.Objects;

/**
 * One reply in the Redis serialization protocol, version 2 (RESP2, "Redis serialization protocol
 * specification" on redis.io): simple strings, errors, integers, bulk strings and arrays; a null
 * bulk string or array is {@link Nil}.
 */
public sealed interface RespReply {

    /** {@code +OK}. */
    record Simple(String text) implements RespReply {
        public Simple {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code -ERR ...}, {@code -NOAUTH ...}: the server refused the command. */
    record Error(String text) implements RespReply {
        public Error {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code :42}. */
    record Int(long value) implements RespReply {
    }

    /** {@code $6\r\nmaster}: a binary-safe string, read as UTF-8. */
    record Bulk(String text) implements RespReply {
        public Bulk {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code *3 ...}. */
    record Array(List<RespReply> items) implements RespReply {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** {@code $-1} or {@code *-1}. */
    record Nil() implements RespReply {
    }

    /** The text of a simple or bulk string, or null for any other reply. */
    static String text(RespReply r) {
        if (r instanceof Simple s) {
            return s.text();
        }
        return r instanceof Bulk b ? b.text() : null;
    }
}
