package dev.vigil.daemon.plugin;

import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionSchema;

import java.util.Set;

/**
 * The checker keys the host reads itself (keepalived's generic connection options and shared
 * timers); a checker plugin sees its section without them.
 */
public final class CheckKeys {
    /** Every shared key. */
    public static final Set<String> SHARED = Set.of("alpha", "connect_timeout", "retry", "delay_before_retry",
            "warmup", "delay_loop", "log_all_failures", "connect_ip", "connect_port", "bindto", "bind_if",
            "bind_port", "fwmark");

    private CheckKeys() {
    }

    /** A validator of the shared keys alone, for a checker {@code type}. */
    public static SectionSchema schema(String type) {
        return SectionSchema.builder(SectionKind.CHECKER, type).bool("alpha").seconds("connect_timeout")
                .integer("retry", 0, 2147483647).seconds("delay_before_retry").seconds("warmup").seconds("delay_loop")
                .bool("log_all_failures").address("connect_ip").integer("connect_port", 0, 65535).address("bindto")
                .string("bind_if").integer("bind_port", 0, 65535).integer("fwmark", 0, 4294967295L).build();
    }
}
