package dev.vigil.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * Moves netlink datagrams to and from a kernel: the real socket ({@link NetlinkSocket}) or a
 * fake kernel in tests ({@link FakeNetlinkKernel}).
 */
public interface NetlinkTransport extends AutoCloseable {
    /** Sends one datagram (from position to limit), which may hold several messages. */
    void send(ByteBuffer datagram);

    /** Receives one datagram, or {@code null} when nothing arrives within {@code timeoutMillis}. */
    ByteBuffer receive(int timeoutMillis);

    /**
     * Receives one datagram that is already queued, or {@code null} when none is. A transport that
     * cannot tell without waiting may wait as {@code receive(0)} does.
     */
    default ByteBuffer receiveNow() {
        return receive(0);
    }

    @Override
    void close();
}
