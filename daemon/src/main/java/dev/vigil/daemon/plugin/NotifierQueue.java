package dev.vigil.daemon.plugin;

import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One notifier's queue: events are delivered one at a time and in order by a dispatcher thread;
 * a delivery that throws or outlasts the limit is counted and logged, and the next event follows
 * (a hung call is left on its own thread). {@link #offer} never blocks: a full queue (1024 events)
 * drops the event, counted and logged, which the sequence numbers also show.
 */
final class NotifierQueue {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierQueue.class);
    static final int CAPACITY = 1024;

    private final String name;
    private final String type;
    private final Notifier notifier;
    private final Duration limit;
    private final NotifierCounters counters;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ExecutorService calls;
    private final Thread dispatcher;
    private volatile boolean busy;
    private volatile boolean closed;

    NotifierQueue(String name, String type, Notifier notifier, Duration limit, NotifierCounters counters) {
        this.name = name;
        this.type = type;
        this.notifier = notifier;
        this.limit = limit;
        this.counters = counters;
        calls = Executors.newCachedThreadPool(r -> daemon(r, "vigil-notify-call-" + name));
        dispatcher = daemon(this::dispatch, "vigil-notify-" + name);
        dispatcher.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }

    NotifierCounters counters() {
        return counters;
    }

    void offer(Event e) {
        if (closed || !queue.offer(e)) {
            long n = counters.dropped.incrementAndGet();
            LOG.warn("notifier {}: {}, event {} dropped ({} dropped so far)", name, closed ? "closed" : "queue full",
                    e.sequence(), n);
        }
    }

    private void dispatch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Event e = queue.take();
                busy = true;
                try {
                    deliver(e);
                } finally {
                    busy = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Event e) throws InterruptedException {
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
            try {
                notifier.deliver(e);
            } catch (Exception ex) {
                throw new java.util.concurrent.CompletionException(ex);
            }
        }, calls);
        try {
            call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            counters.delivered.incrementAndGet();
        } catch (TimeoutException ex) {
            counters.timedOut.incrementAndGet();
            LOG.warn("notifier {}: event {} took over {} ms, moving on", name, e.sequence(), limit.toMillis());
        } catch (ExecutionException ex) {
            counters.failed.incrementAndGet();
            Throwable cause = ex.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : ex.getCause();
            LOG.warn("notifier {}: event {} failed: {}", name, e.sequence(), String.valueOf(cause));
        }
    }

    Map<String, Object> row() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notifier", name);
        m.put("type", type);
        m.put("delivered", counters.delivered.get());
        m.put("failed", counters.failed.get());
        m.put("timed_out", counters.timedOut.get());
        m.put("dropped", counters.dropped.get());
        m.put("queued", queue.size());
        return m;
    }

    /**
     * Stops taking events, lets the queued ones be delivered for up to {@code grace} (the last
     * state changes of a stop must not be lost), then stops; what is left is counted as dropped.
     */
    void close(Duration grace) {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while ((!queue.isEmpty() || busy) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.interrupt();
        calls.shutdownNow();
        int left = queue.size();
        if (left > 0) {
            counters.dropped.addAndGet(left);
            LOG.warn("notifier {}: closed with {} events undelivered", name, left);
        }
        try {
            notifier.close();
        } catch (RuntimeException e) {
            LOG.warn("notifier {}: close failed: {}", name, e.toString());
        }
    }
}
