package dev.vigil.daemon.vip;

import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VirtualAddress;
import dev.vigil.vrrp.instance.Vip;
import dev.vigil.vrrp.instance.VipPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP side's {@link VipPort} for one instance whose addresses a {@link VipBackend} places:
 * calls from the event loop are queued and return at once; one thread of the instance's own
 * carries them out in order. A failed call is logged, counted and retried by the
 * {@link RetryPolicy}, unless a newer call for the same address is already waiting (an add
 * superseded by a remove is not retried). Adds are recorded before they run and removes are
 * forgotten after they succeed, so the next start can clean up after a crash.
 */
public final class DelegatedVips implements VipPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DelegatedVips.class);

    /** Sleeps between attempts; tests pass one that does not wait. */
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        void sleep(Duration d) throws InterruptedException;
    }

    private final String instance;
    private final String type;
    private final VipBackend backend;
    private final RetryPolicy retry;
    private final VipRecordFile record;
    private final Sleeper sleeper;
    private final ExecutorService worker;
    private final Map<String, AtomicLong> latest = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private volatile String lastError = "";

    public DelegatedVips(String instance, String type, VipBackend backend, RetryPolicy retry, VipRecordFile record,
                         Sleeper sleeper) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.type = Objects.requireNonNull(type, "type");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.record = Objects.requireNonNull(record, "record");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vip-" + type + "-" + instance);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void add(String instance, List<Vip> vips) {
        submit(true, VipBackends.virtual(instance, vips));
    }

    @Override
    public void remove(String instance, List<Vip> vips) {
        submit(false, VipBackends.virtual(instance, vips));
    }

    private void submit(boolean add, List<VirtualAddress> addresses) {
        for (VirtualAddress a : addresses) {
            long seq = sequence.incrementAndGet();
            latest.computeIfAbsent(key(a), k -> new AtomicLong()).set(seq);
            try {
                worker.execute(() -> run(add, a, seq));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.error("({}) VIP backend {} closed: cannot {} {}", instance, type, add ? "add" : "remove", a);
            }
        }
    }

    private void run(boolean add, VirtualAddress a, long seq) {
        String op = add ? "add" : "remove";
        if (add) {
            record.add(type, List.of(a));
        }
        for (int attempt = 0; ; attempt++) {
            try {
                if (add) {
                    backend.add(a);
                } else {
                    backend.remove(a);
                    record.remove(List.of(a));
                }
                done.incrementAndGet();
                LOG.info("({}) VIP backend {}: {} {}{}", instance, type, op, a,
                        attempt == 0 ? "" : " (after " + attempt + (attempt == 1 ? " retry)" : " retries)"));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("({}) VIP backend {}: {} {} interrupted", instance, type, op, a);
                return;
            } catch (Exception e) {
                failures.incrementAndGet();
                lastError = op + " " + a + ": " + e.getMessage();
                boolean superseded = latest.get(key(a)).get() != seq;
                if (attempt >= retry.retries() || superseded) {
                    givenUp.incrementAndGet();
                    LOG.error("({}) VIP backend {}: cannot {} {}: {}{}", instance, type, op, a, e.getMessage(),
                            superseded ? " (a newer request for it is waiting)" : " (giving up after "
                                    + (attempt + 1) + (attempt == 0 ? " attempt)" : " attempts)"));
                    return;
                }
                Duration pause = retry.delayBefore(attempt + 1);
                LOG.warn("({}) VIP backend {}: cannot {} {}: {}; retrying in {} ms", instance, type, op, a,
                        e.getMessage(), pause.toMillis());
                retries.incrementAndGet();
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (latest.get(key(a)).get() != seq) {
                    givenUp.incrementAndGet();
                    LOG.info("({}) VIP backend {}: not retrying {} {}: a newer request for it is waiting", instance,
                            type, op, a);
                    return;
                }
            }
        }
    }

    private static String key(VirtualAddress a) {
        return a.address().getHostAddress() + "/" + a.prefixLength() + " " + a.device();
    }

    /** Counters for {@code vigil status}. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", instance);
        m.put("backend", type);
        m.put("done", done.get());
        m.put("failures", failures.get());
        m.put("retries", retries.get());
        m.put("given_up", givenUp.get());
        m.put("last_error", lastError);
        return m;
    }

    /**
     * Lets the calls already queued finish (a stopping master's removes), waiting at most
     * {@code limit}, then closes the backend.
     *
     * @return true when every queued call finished in time
     */
    public boolean drainAndClose(Duration limit) {
        worker.shutdown();
        boolean finished;
        try {
            finished = worker.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            LOG.warn("({}) VIP backend {}: calls still running after {} ms; abandoned", instance, type,
                    limit.toMillis());
            worker.shutdownNow();
        }
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.warn("({}) VIP backend {} failed to close: {}", instance, type, e.toString());
        }
        return finished;
    }

    @Override
    public void close() {
        drainAndClose(Duration.ofSeconds(30));
    }
}
