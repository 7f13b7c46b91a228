package dev.vigil.vrrp.fsm;

import java.net.InetAddress;
import java.util.Objects;

/** What happens to a virtual router: the events of RFC 5798 section 6.4 plus tracking and sync groups. */
public sealed interface Input {

    /** RFC 5798 6.4.1: the Startup event. */
    record Start() implements Input {
    }

    /** RFC 5798 6.4.2 / 6.4.3: the Shutdown event. */
    record Shutdown() implements Input {
    }

    /**
     * A valid ADVERTISEMENT for this virtual router from another node (RFC 5798 7.1 checks done by the
     * caller, own adverts filtered out).
     *
     * @param priority             the advert's priority, 0..255 (0: the master is leaving)
     * @param advertIntervalCentis the advert's Max Advertise Interval, centiseconds (v2: seconds * 100)
     * @param source               the sender's primary address
     */
    record AdvertReceived(int priority, int advertIntervalCentis, InetAddress source) implements Input {
        public AdvertReceived {
            Objects.requireNonNull(source, "source");
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority must be 0..255, not " + priority);
            }
            if (advertIntervalCentis < 0) {
                throw new IllegalArgumentException("advert interval must not be negative: " + advertIntervalCentis);
            }
        }
    }

    /** A timer the caller armed on a {@link Action.StartTimer} has fired. */
    record TimerExpired(TimerKind kind) implements Input {
        public TimerExpired {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Tracking changed the effective priority (already clamped to 1..254; never sent for an owner). */
    record PriorityChanged(int effectivePriority) implements Input {
        public PriorityChanged {
            if (effectivePriority < 1 || effectivePriority > 254) {
                throw new IllegalArgumentException("effective priority must be 1..254, not " + effectivePriority);
            }
        }
    }

    /** Tracking says the instance is faulted ({@code true}) or has recovered ({@code false}). */
    record FaultChanged(boolean faulted, String reason) implements Input {
        public FaultChanged {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A sync group asks this member to follow another member into {@code target}. */
    record SyncRequest(VrrpState target, String reason) implements Input {
        public SyncRequest {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
