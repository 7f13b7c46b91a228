package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.NetlinkTransport;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A notification socket for tests: the test queues datagrams and errors (such as ENOBUFS) and
 * the reader receives them in order. {@link #push} queues several items at once, atomically.
 */
final class QueueTransport implements NetlinkTransport {
    private final Deque<Object> queue = new ArrayDeque<>();
    private boolean closed;
    private int receives;

    synchronized void push(Object... items) {
        queue.addAll(List.of(items));
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    /** How many receive calls returned or threw (to wait until the reader took everything). */
    synchronized int receives() {
        return receives;
    }

    synchronized boolean empty() {
        return queue.isEmpty();
    }

    @Override
    public void send(ByteBuffer datagram) {
        throw new UnsupportedOperationException("notification socket");
    }

    @Override
    public synchronized ByteBuffer receive(int timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (queue.isEmpty() && !closed && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        Object next = queue.poll();
        if (next == null) {
            return null;
        }
        receives++;
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return ((ByteBuffer) next).duplicate();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
