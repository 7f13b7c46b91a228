package dev.vigil.kernel.rtnl;

import java.util.Objects;

/** A change of links or addresses, as a {@link LinkMonitor} delivers it. */
public sealed interface LinkEvent {

    /**
     * A link appeared ({@code previous == null}) or changed: up/down, carrier, operstate, MTU, MAC, master.
     */
    record LinkUpdated(Link previous, Link current) implements LinkEvent {
        public LinkUpdated {
            Objects.requireNonNull(current, "current");
        }

        public boolean isNew() {
            return previous == null;
        }

        /** Administrative up/down changed (or the link is new). */
        public boolean upChanged() {
            return previous == null || previous.up() != current.up();
        }

        /** Carrier changed (or the link is new). */
        public boolean carrierChanged() {
            return previous == null || previous.carrier() != current.carrier();
        }
    }

    /** A link went away. */
    record LinkRemoved(Link link) implements LinkEvent {
        public LinkRemoved {
            Objects.requireNonNull(link, "link");
        }
    }

    /**
     * An address was added, or an address already known changed (e.g. an IPv6 address finished
     * duplicate address detection and lost {@link AddressFlag#TENTATIVE}); {@code previous} tells which.
     */
    record AddressAdded(IfAddress address, IfAddress previous) implements LinkEvent {
        public AddressAdded {
            Objects.requireNonNull(address, "address");
        }

        public boolean isNew() {
            return previous == null;
        }
    }

    /** An address was removed. */
    record AddressRemoved(IfAddress address) implements LinkEvent {
        public AddressRemoved {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The monitor re-read all links and addresses after it may have missed notifications (the
     * kernel dropped some because the socket's receive buffer overran, {@code ENOBUFS}). The
     * differences found were delivered as ordinary events just before this one.
     */
    record Resynced(String reason) implements LinkEvent {
    }
}
