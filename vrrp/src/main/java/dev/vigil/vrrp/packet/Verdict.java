package dev.vigil.vrrp.packet;

import java.util.Objects;

/**
 * What {@link AdvertCheck} decided about a received advertisement.
 *
 * @param kind   accept, accept but log a warning, or drop
 * @param reason why it warns or drops; null for a plain accept
 * @param detail text for the log; empty for a plain accept
 */
public record Verdict(Kind kind, DropReason reason, String detail) {
    /** The three outcomes. */
    public enum Kind { ACCEPT, ACCEPT_WITH_WARNING, DROP }

    private static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null, "");

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if ((kind == Kind.ACCEPT) != (reason == null)) {
            throw new IllegalArgumentException("a reason goes with a warning or a drop, and only with them");
        }
    }

    /** Accept without remark. */
    public static Verdict accept() {
        return ACCEPT;
    }

    /** Accept, logging {@code detail}. */
    public static Verdict warn(DropReason reason, String detail) {
        return new Verdict(Kind.ACCEPT_WITH_WARNING, Objects.requireNonNull(reason, "reason"), detail);
    }

    /** Discard the packet. */
    public static Verdict drop(DropReason reason, String detail) {
        return new Verdict(Kind.DROP, Objects.requireNonNull(reason, "reason"), detail);
    }

    /** True unless the packet is dropped. */
    public boolean accepted() {
        return kind != Kind.DROP;
    }
}
