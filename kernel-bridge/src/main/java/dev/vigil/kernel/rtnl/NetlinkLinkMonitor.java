package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkSocket;
import dev.vigil.kernel.netlink.NetlinkTransport;
import dev.vigil.kernel.netlink.NlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@link LinkMonitor} over rtnetlink. It joins {@code RTNLGRP_LINK}, {@code RTNLGRP_IPV4_IFADDR}
 * and {@code RTNLGRP_IPV6_IFADDR} first, then dumps links and addresses, so no change falls
 * between the two; a reader thread then applies each notification to its cache and delivers
 * the differences as {@link LinkEvent}s.
 *
 * <p><b>Lost notifications.</b> When notifications come faster than the reader takes them, the
 * kernel drops some and the next receive fails with {@code ENOBUFS}. The monitor then resyncs:
 * it discards what is still queued (older than what follows), dumps links and addresses again,
 * delivers every difference from its cache as ordinary events (link updated/removed, address
 * added/removed) and then a {@link LinkEvent.Resynced}. A change may thus arrive late, but none
 * is lost. Other receive or parse failures resync the same way after a short pause.
 *
 * <p>{@link #close()} stops the reader within one poll interval ({@value #POLL_MILLIS} ms).
 */
public final class NetlinkLinkMonitor implements LinkMonitor {
    static final int POLL_MILLIS = 100;
    private static final int DRAIN_LIMIT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkLinkMonitor.class);

    private final NetlinkTransport events;
    private final NetlinkClient client;
    private final boolean ownsClient;
    private final LinkCache cache = new LinkCache();
    private final ListenerList listeners = new ListenerList();
    private final Thread reader;
    private volatile boolean running = true;
    private String resyncReason;

    /**
     * A monitor reading notifications from {@code events} (already joined to the groups) and
     * dumping through {@code client}; it closes {@code events}, and {@code client} when it owns it.
     */
    public NetlinkLinkMonitor(NetlinkTransport events, NetlinkClient client, boolean ownsClient, ThreadFactory threads) {
        this.events = Objects.requireNonNull(events, "events");
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        cache.replace(dumpLinks(), dumpAddresses());
        this.reader = threads.newThread(this::run);
        reader.start();
    }

    /** Opens the sockets in the calling thread's network namespace; the reader is a daemon thread. */
    public static NetlinkLinkMonitor open() {
        return open(r -> {
            Thread t = new Thread(r, "vigil-link-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Like {@link #open()} with the reader thread made by {@code threads}. */
    public static NetlinkLinkMonitor open(ThreadFactory threads) {
        NetlinkSocket ev = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_IPV4_IFADDR,
                Rtnl.RTNLGRP_IPV6_IFADDR);
        NetlinkClient c = null;
        try {
            c = NetlinkClient.open(Netlink.NETLINK_ROUTE);
            return new NetlinkLinkMonitor(ev, c, true, threads);
        } catch (RuntimeException e) {
            ev.close();
            if (c != null) {
                c.close();
            }
            throw e;
        }
    }

    private int failures;

    private void run() {
        try {
            while (running) {
                try {
                    if (resyncReason != null) {
                        resync();
                    }
                    ByteBuffer d = events.receive(POLL_MILLIS);
                    if (d != null && running) {
                        handle(d);
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        failed(e);
                    }
                }
            }
        } finally {
            // Only the reader closes the sockets: never while it may still be using them.
            events.close();
            if (ownsClient) {
                client.close();
            }
        }
    }

    /**
     * Applies and delivers message by message, so that a message that fails to decode loses
     * nothing before it; the failure then triggers a resync, which finds what came after it.
     */
    private void handle(ByteBuffer datagram) {
        for (NlMessage m : NlMessage.parseAll(datagram)) {
            listeners.deliver(cache.apply(m));
        }
    }

    private void failed(RuntimeException e) {
        if (e instanceof KernelException k && k.errno() == Errno.ENOBUFS) {
            LOG.warn("rtnetlink notifications lost (receive buffer overrun, ENOBUFS): re-reading links and addresses");
            resyncReason = "ENOBUFS: notifications lost";
            return;
        }
        if (e instanceof KernelException k && k.errno() == Errno.EBADF) {
            LOG.error("link monitor socket closed under it; stopping: {}", e.toString());
            running = false;
            return;
        }
        failures++;
        long backoff = Math.min(5_000L, POLL_MILLIS * (1L << Math.min(failures, 6)));
        LOG.warn("link monitor failed ({} in a row), re-reading links and addresses in {} ms: {}",
                failures, backoff, e.toString());
        resyncReason = e.toString();
        try {
            TimeUnit.MILLISECONDS.sleep(backoff);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Drops stale queued notifications, re-reads everything and delivers the differences. */
    private void resync() {
        drain();
        List<LinkEvent> out = new ArrayList<>(cache.replace(dumpLinks(), dumpAddresses()));
        out.add(new LinkEvent.Resynced(resyncReason));
        resyncReason = null;
        failures = 0;
        LOG.info("link monitor resynced: {} change(s) found", out.size() - 1);
        listeners.deliver(out);
    }

    private void drain() {
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            try {
                if (events.receive(0) == null) {
                    return;
                }
            } catch (KernelException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    throw e;
                }
            }
        }
    }

    private List<Link> dumpLinks() {
        return client.dump(LinkCodec.dump()).stream().filter(m -> m.type() == Rtnl.RTM_NEWLINK)
                .map(LinkCodec::decode).filter(Objects::nonNull).toList();
    }

    private List<IfAddress> dumpAddresses() {
        return client.dump(AddressCodec.dump()).stream().filter(m -> m.type() == Rtnl.RTM_NEWADDR)
                .map(AddressCodec::decode).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Link> links() {
        return cache.links();
    }

    @Override
    public Optional<Link> link(int index) {
        return cache.link(index);
    }

    @Override
    public Optional<Link> link(String name) {
        return cache.link(name);
    }

    @Override
    public List<IfAddress> addresses() {
        return cache.addresses();
    }

    @Override
    public Subscription subscribe(Listener listener) {
        return listeners.add(listener);
    }

    /** Stops the reader (within one poll interval) and, through it, closes the sockets. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        listeners.clear();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                LOG.warn("link monitor reader still busy after 5 s; it closes its sockets when it returns");
            }
        }
    }
}
