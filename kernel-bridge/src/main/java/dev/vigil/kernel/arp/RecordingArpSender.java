package dev.vigil.kernel.arp;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link ArpSender} for unit tests: records each announcement; interfaces and MACs are configured. */
public final class RecordingArpSender implements ArpSender {
    /** One recorded announcement. */
    public sealed interface Announcement permits GratuitousArp, NeighborAdvertisement {
        String interfaceName();

        MacAddress mac();
    }

    /** A recorded gratuitous ARP. */
    public record GratuitousArp(String interfaceName, Inet4Address address, MacAddress mac) implements Announcement {
    }

    /** A recorded unsolicited Neighbour Advertisement. */
    public record NeighborAdvertisement(String interfaceName, Inet6Address address, MacAddress mac, boolean router)
            implements Announcement {
    }

    private final Map<String, MacAddress> interfaces = new ConcurrentHashMap<>();
    private final List<Announcement> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Adds interface {@code name} with hardware address {@code mac}. */
    public RecordingArpSender withInterface(String name, MacAddress mac) {
        interfaces.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(mac, "mac"));
        return this;
    }

    @Override
    public MacAddress interfaceMac(String interfaceName) {
        MacAddress mac = interfaces.get(interfaceName);
        if (mac == null) {
            throw new KernelException("SIOCGIFHWADDR " + interfaceName, Errno.ENODEV);
        }
        return mac;
    }

    @Override
    public void sendGratuitousArp(String interfaceName, Inet4Address address, MacAddress sourceMac) {
        check(interfaceName);
        sent.add(new GratuitousArp(interfaceName, Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(sourceMac, "sourceMac")));
    }

    @Override
    public void sendUnsolicitedNa(String interfaceName, Inet6Address address, MacAddress sourceMac, boolean router) {
        check(interfaceName);
        sent.add(new NeighborAdvertisement(interfaceName, Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(sourceMac, "sourceMac"), router));
    }

    private void check(String interfaceName) {
        if (closed) {
            throw new KernelException("recording arp", Errno.EBADF, "sender closed");
        }
        interfaceMac(interfaceName);
    }

    /** Everything sent so far, oldest first. */
    public List<Announcement> sent() {
        return List.copyOf(sent);
    }

    /** Forgets what was sent. */
    public void clear() {
        sent.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
