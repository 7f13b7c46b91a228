package dev.vigil.kernel.vrrp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link VrrpSocket} on a {@link FakeVrrpNetwork}: sends are routed by the network, received
 * packets wait in a queue. {@link #inject} puts any packet (a wrong TTL, a foreign source) in front
 * of the socket as if it had arrived.
 */
public final class FakeVrrpSocket implements VrrpSocket {
    private static final Object CLOSED = new Object();

    private final FakeVrrpNetwork network;
    private final FakeVrrpNetwork.Node node;
    private final String interfaceName;
    private final int interfaceIndex;
    private final VrrpSocketOptions options;
    private final Set<InetAddress> groups = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeVrrpSocket(FakeVrrpNetwork network, FakeVrrpNetwork.Node node, String interfaceName, int interfaceIndex,
                   VrrpSocketOptions options) {
        this.network = network;
        this.node = node;
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.options = options;
    }

    @Override
    public VrrpSocketOptions options() {
        return options;
    }

    @Override
    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** The node this socket was opened on. */
    public FakeVrrpNetwork.Node node() {
        return node;
    }

    /** The name of the socket's interface. */
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public void send(byte[] vrrpPayload, InetAddress destination) {
        Objects.requireNonNull(vrrpPayload, "vrrpPayload");
        checkFamily(destination);
        ensureOpen("sendmsg");
        network.send(this, vrrpPayload.clone(), destination);
    }

    @Override
    public Optional<ReceivedPacket> receive(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), TimeUnit.DAYS.toNanos(1));
        while (true) {
            ensureOpen("recvmsg");
            Object item;
            try {
                item = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Not a timeout: keep the interrupt and end the caller's receive loop.
                Thread.currentThread().interrupt();
                throw new VrrpSocketClosedException("receive(fake " + interfaceName() + ") interrupted");
            }
            if (item == null) {
                return Optional.empty();
            }
            if (item == CLOSED) {
                throw new VrrpSocketClosedException("recvmsg(fake vrrp)");
            }
            ReceivedPacket p = (ReceivedPacket) item;
            if (!options.dropInvalidTtl() || p.hasVrrpTtl()) {
                return Optional.of(p);
            }
        }
    }

    /** Queues {@code packet} as if it had arrived on this socket's interface. */
    public void inject(ReceivedPacket packet) {
        deliver(Objects.requireNonNull(packet, "packet"));
    }

    /** Number of packets waiting to be received. */
    public int pending() {
        return (int) inbox.stream().filter(o -> o != CLOSED).count();
    }

    void deliver(ReceivedPacket packet) {
        if (!closed.get()) {
            inbox.add(packet);
        }
    }

    boolean joined(InetAddress group) {
        return groups.contains(group);
    }

    @Override
    public void joinGroup(InetAddress group) {
        checkGroup(group);
        ensureOpen("setsockopt(ADD_MEMBERSHIP)");
        groups.add(group);
    }

    @Override
    public void leaveGroup(InetAddress group) {
        checkGroup(group);
        ensureOpen("setsockopt(DROP_MEMBERSHIP)");
        groups.remove(group);
    }

    private void checkGroup(InetAddress group) {
        checkFamily(group);
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException("not a multicast group: " + group.getHostAddress());
        }
    }

    private void checkFamily(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (!options.family().matches(address)) {
            throw new IllegalArgumentException(address.getHostAddress() + " is not " + options.family());
        }
    }

    private void ensureOpen(String op) {
        if (closed.get()) {
            throw new VrrpSocketClosedException(op + "(fake vrrp)");
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            network.closed(this);
            inbox.add(CLOSED);
        }
    }

    @Override
    public String toString() {
        return "FakeVrrpSocket[" + node.name() + "/" + interfaceName + " " + options.family()
                + (closed.get() ? ", closed" : "") + "]";
    }
}
