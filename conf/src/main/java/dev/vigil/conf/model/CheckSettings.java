package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;

/**
 * Settings every checker shares, set on a virtual server, a real server or a checker (the nearest
 * one wins); unset ones take the checker type's default (written flat).
 */
public record CheckSettings(
        @Doc("Seconds between checks (60 when unset everywhere).") Duration delayLoop,
        @Doc("Connect timeout, seconds (5 when unset everywhere).") Duration connectTimeout,
        @Range(min = 0, max = 2147483647) @Doc("Extra attempts before a server counts as down.") Integer retry,
        @Doc("Seconds between attempts.") Duration delayBeforeRetry,
        @Doc("Largest random delay before the first check, seconds.") Duration warmup,
        SourcePosition position) {
}
