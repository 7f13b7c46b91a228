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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One notifier's queue: events are delivered one at a time and in order by a dispatcher thread;
 * a delivery that throws or outlasts the limit is counted and logged, and the next event follows
 * (a hung call is left on its own thread). {@link #offer} never blocks: a full queue drops the
 * event, which the sequence numbers show.
 */
final class NotifierQueue {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierQueue.class);

    private final String type;
    private final Notifier notifier;
    private final Duration limit;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(1024);
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> daemon(r, "vigil-notify-call"));
    private final Thread dispatcher;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    NotifierQueue(String type, Notifier notifier, Duration limit) {
        this.type = type;
        this.notifier = notifier;
        this.limit = limit;
        dispatcher = daemon(this::dispatch, "vigil-notify-" + type);
        dispatcher.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void offer(Event e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
            LOG.warn("notifier {}: queue full, event {} dropped", type, e.sequence());
        }
    }

    private void dispatch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                deliver(queue.take());
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
            delivered.incrementAndGet();
        } catch (TimeoutException ex) {
            timedOut.incrementAndGet();
            LOG.warn("notifier {}: event {} took over {} ms, moving on", type, e.sequence(), limit.toMillis());
        } catch (java.util.concurrent.ExecutionException ex) {
            failed.incrementAndGet();
            LOG.warn("notifier {}: event {} failed: {}", type, e.sequence(), String.valueOf(ex.getCause()));
        }
    }

    Map<String, Object> row() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notifier", type);
        m.put("delivered", delivered.get());
        m.put("failed", failed.get());
        m.put("timed_out", timedOut.get());
        m.put("dropped", dropped.get());
        m.put("queued", queue.size());
        return m;
    }

    void close() {
        dispatcher.interrupt();
        calls.shutdownNow();
        try {
            notifier.close();
        } catch (RuntimeException e) {
            LOG.warn("notifier {}: close failed: {}", type, e.toString());
        }
    }
}
