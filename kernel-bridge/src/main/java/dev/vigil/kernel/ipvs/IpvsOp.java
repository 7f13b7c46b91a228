package dev.vigil.kernel.ipvs;

import java.util.Objects;

/** One change to the IPVS table, for {@link IpvsTable#apply} batches. */
public sealed interface IpvsOp {

    /** Short description for errors and logs, e.g. {@code add-dest TCP 10.0.0.1:80 -> 10.0.0.2:80}. */
    String describe();

    record AddService(Service service) implements IpvsOp {
        public AddService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public String describe() {
            return "add-service " + service.key();
        }
    }

    record EditService(Service service) implements IpvsOp {
        public EditService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public String describe() {
            return "edit-service " + service.key();
        }
    }

    record DeleteService(ServiceKey key) implements IpvsOp {
        public DeleteService {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String describe() {
            return "delete-service " + key;
        }
    }

    record AddDestination(ServiceKey service, Destination destination) implements IpvsOp {
        public AddDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String describe() {
            return "add-dest " + service + " -> " + destination.describe();
        }
    }

    record EditDestination(ServiceKey service, Destination destination) implements IpvsOp {
        public EditDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String describe() {
            return "edit-dest " + service + " -> " + destination.describe();
        }
    }

    record DeleteDestination(ServiceKey service, Destination destination) implements IpvsOp {
        public DeleteDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String describe() {
            return "delete-dest " + service + " -> " + destination.describe();
        }
    }

    /** Removes every service (and so every destination). */
    record Flush() implements IpvsOp {
        @Override
        public String describe() {
            return "flush";
        }
    }

    /** Zeroes the counters of one service, or of all when {@code service} is {@code null}. */
    record Zero(ServiceKey service) implements IpvsOp {
        @Override
        public String describe() {
            return service == null ? "zero" : "zero " + service;
        }
    }

    record SetTimeouts(Timeouts timeouts) implements IpvsOp {
        public SetTimeouts {
            Objects.requireNonNull(timeouts, "timeouts");
        }

        @Override
        public String describe() {
            return "set-timeouts " + timeouts.tcp() + " " + timeouts.tcpFin() + " " + timeouts.udp();
        }
    }

    record StartDaemon(SyncDaemon daemon) implements IpvsOp {
        public StartDaemon {
            Objects.requireNonNull(daemon, "daemon");
        }

        @Override
        public String describe() {
            return "start-daemon " + daemon.state().label();
        }
    }

    record StopDaemon(SyncState state) implements IpvsOp {
        public StopDaemon {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String describe() {
            return "stop-daemon " + state.label();
        }
    }
}
