package dev.vigil.vrrp.instance;

import java.time.Duration;
import java.util.Objects;

/**
 * When gratuitous ARPs / unsolicited neighbour advertisements go out (keepalived's
 * {@code garp_*} / {@code vrrp_garp_*} settings): a burst of {@code masterRepeat} on becoming
 * master, a second burst {@code masterDelay} later (zero: none), {@code refreshRepeat} every
 * {@code refresh} while master (zero: never), and {@code lowerPrioRepeat} after
 * {@code lowerPrioDelay} when a lower priority master is heard. {@code interval} /
 * {@code naInterval} space the messages of one burst.
 */
public record GarpPolicy(Duration masterDelay, int masterRepeat, Duration refresh, int refreshRepeat,
                         Duration lowerPrioDelay, int lowerPrioRepeat, Duration interval, Duration naInterval) {
    public GarpPolicy {
        Objects.requireNonNull(masterDelay, "masterDelay");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(lowerPrioDelay, "lowerPrioDelay");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(naInterval, "naInterval");
    }

    /** keepalived's defaults: 5 messages now and 5 more after 5 s, no refresh. */
    public static GarpPolicy defaults() {
        return new GarpPolicy(Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ofSeconds(5), 5,
                Duration.ZERO, Duration.ZERO);
    }
}
