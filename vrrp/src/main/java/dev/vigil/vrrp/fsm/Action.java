package dev.vigil.vrrp.fsm;

import java.time.Duration;
import java.util.Objects;

/** What the caller must do for a virtual router, in the order the machine returns them. */
public sealed interface Action {

    /** Send one ADVERTISEMENT with this priority (0 when leaving Master, RFC 5798 6.4.3). */
    record SendAdvert(int priority) implements Action {
    }

    /** Arm the timer {@code kind} to fire after {@code delay}, replacing a pending timer of that kind. */
    record StartTimer(TimerKind kind, Duration delay) implements Action {
        public StartTimer {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Cancel the timer {@code kind} if it is pending. */
    record StopTimer(TimerKind kind) implements Action {
        public StopTimer {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The state changed. Entering MASTER the caller adds the virtual addresses and announces them
     * (gratuitous ARP / unsolicited NA, RFC 5798 6.4.1 / 6.4.2); leaving it, removes them; and notifies.
     */
    record Transition(VrrpState from, VrrpState to, String reason) implements Action {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Announce the virtual addresses again while staying Master (after a lower priority advert). */
    record AnnounceAddresses(String reason) implements Action {
        public AnnounceAddresses {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
