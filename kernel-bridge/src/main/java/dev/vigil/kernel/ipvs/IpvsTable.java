package dev.vigil.kernel.ipvs;

import java.util.List;

/**
 * The IPVS table of one network namespace: what the rest of Vigil programs. Failures throw
 * {@link dev.vigil.kernel.netlink.NetlinkException} naming the operation and the kernel's errno
 * (e.g. adding a destination to a missing service: {@code ESRCH}).
 */
public interface IpvsTable extends AutoCloseable {

    /** All services, in the kernel's order. */
    List<Service> listServices();

    /** The destinations of {@code service}, in the kernel's order (newest first). */
    List<Destination> listDestinations(ServiceKey service);

    default List<Destination> listDestinations(Service service) {
        return listDestinations(service.key());
    }

    /**
     * As {@link #listDestinations(ServiceKey)}, for callers that read no counters (a save):
     * the destinations' {@link Destination#stats()} may then be {@link Stats#ZERO}, which spares
     * decoding them.
     */
    default List<Destination> listDestinationsWithoutStats(ServiceKey service) {
        return listDestinations(service);
    }

    void addService(Service service);

    /** Replaces scheduler, flags, timeout, netmask and persistence engine of an existing service. */
    void editService(Service service);

    void deleteService(ServiceKey key);

    default void deleteService(Service service) {
        deleteService(service.key());
    }

    void addDestination(ServiceKey service, Destination destination);

    void editDestination(ServiceKey service, Destination destination);

    void deleteDestination(ServiceKey service, Destination destination);

    /** Removes all services and destinations. */
    void flush();

    /** Zeroes all counters. */
    void zero();

    /** Zeroes the counters of one service and its destinations. */
    void zero(ServiceKey service);

    Timeouts getTimeouts();

    /** Sets the timeouts; a 0 field is left unchanged. */
    void setTimeouts(Timeouts timeouts);

    void startDaemon(SyncDaemon daemon);

    void stopDaemon(SyncState state);

    /** Running sync daemons (at most a master and a backup). */
    List<SyncDaemon> listDaemons();

    IpvsInfo info();

    /**
     * Applies {@code ops} in order and returns one result per op. Failures do not stop the
     * remaining ops; implementations over netlink send many ops per system call.
     */
    List<OpResult> apply(List<? extends IpvsOp> ops);

    @Override
    void close();
}
