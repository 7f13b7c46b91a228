package dev.vigil.vrrp.script;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scripts as child processes on a small pool of its own threads, at most {@code maxConcurrent}
 * at a time (more wait in a bounded queue). Output is discarded and stdin is {@code /dev/null}. A
 * run past its timeout is killed with SIGKILL together with its descendants. With a user, the
 * command runs through {@code runuser -u USER [-g GROUP] --} when this process is root.
 */
public final class ProcessScriptRunner implements ScriptRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessScriptRunner.class);
    private static final int QUEUE_CAPACITY = 1024;
    private static final File DEV_NULL = new File("/dev/null");

    /**
     * What the runner did since it was created.
     *
     * @param runs          processes started
     * @param failures      runs that exited with a non-zero status
     * @param timeouts      runs killed at their timeout
     * @param startFailures runs that could not start (missing binary, queue full, unknown user)
     */
    public record Counters(long runs, long failures, long timeouts, long startFailures) {
    }

    private final ThreadPoolExecutor pool;
    private final boolean root;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong startFailures = new AtomicLong();
    private volatile boolean closed;

    /** A runner with at most {@code maxConcurrent} scripts running at once. */
    public ProcessScriptRunner(int maxConcurrent) {
        this(maxConcurrent, effectiveUidIsRoot());
    }

    ProcessScriptRunner(int maxConcurrent, boolean root) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1: " + maxConcurrent);
        }
        this.root = root;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(r, "vigil-script-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public CompletableFuture<ScriptResult> run(List<String> argv, Duration timeout, String user) {
        Objects.requireNonNull(argv, "argv");
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Job job = new Job(List.copyOf(argv), timeout, user);
        if (closed) {
            return job.reject("runner closed");
        }
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            return job.reject(closed ? "runner closed" : "too many scripts queued (" + QUEUE_CAPACITY + ")");
        }
        return job.result;
    }

    /** The counters so far. */
    public Counters counters() {
        return new Counters(runs.get(), failures.get(), timeouts.get(), startFailures.get());
    }

    /** The command actually executed for {@code argv} run as {@code user}. */
    List<String> command(List<String> argv, String user) {
        if (user == null || user.isBlank()) {
            return argv;
        }
        List<String> words = CommandLine.split(user);
        if (!root) {
            if (words.size() == 1 && words.get(0).equals(System.getProperty("user.name"))) {
                return argv;
            }
            throw new IllegalStateException("cannot run as " + user + ": not root");
        }
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", words.get(0)));
        if (words.size() > 1) {
            cmd.addAll(List.of("-g", words.get(1)));
        }
        cmd.add("--");
        cmd.addAll(argv);
        return cmd;
    }

    private ScriptResult execute(List<String> argv, Duration timeout, String user) {
        Process p;
        try {
            p = new ProcessBuilder(command(argv, user)).redirectInput(DEV_NULL)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            startFailures.incrementAndGet();
            LOG.warn("script {} could not start: {}", argv, e.getMessage());
            return ScriptResult.failedToStart(String.valueOf(e.getMessage()));
        }
        runs.incrementAndGet();
        live.add(p);
        try {
            return await(p, argv, timeout);
        } finally {
            live.remove(p);
        }
    }

    private ScriptResult await(Process p, List<String> argv, Duration timeout) {
        try {
            if (p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                int code = p.exitValue();
                if (code != 0) {
                    failures.incrementAndGet();
                    LOG.debug("script {} exited with status {}", argv, code);
                }
                return ScriptResult.exited(code);
            }
            killTree(p);
            timeouts.incrementAndGet();
            LOG.warn("script {} timed out after {} ms, killed", argv, timeout.toMillis());
            return ScriptResult.timedOut("timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            return ScriptResult.timedOut("killed: runner closed");
        }
    }

    /** SIGKILLs the descendants of {@code p} (deepest found first), then {@code p}, and reaps it. */
    static void killTree(Process p) {
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> descendants = p.descendants().toList();
            if (descendants.isEmpty()) {
                break;
            }
            for (int i = descendants.size() - 1; i >= 0; i--) {
                descendants.get(i).destroyForcibly();
            }
        }
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes no new scripts, lets queued and running ones finish for up to {@code grace} (a shutdown's
     * notify_stop scripts must run), then closes as {@link #close()} does.
     */
    public void close(Duration grace) {
        closed = true;
        pool.shutdown();
        try {
            pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Kills running scripts; queued ones complete as {@link ScriptResult.Kind#FAILED_TO_START}. */
    @Override
    public void close() {
        closed = true;
        for (Runnable r : pool.shutdownNow()) {
            ((Job) r).reject("runner closed");
        }
        live.forEach(ProcessScriptRunner::killTree);
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean effectiveUidIsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read /proc/self/status", e);
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** One queued run and the future it completes. */
    private final class Job implements Runnable {
        final List<String> argv;
        final Duration timeout;
        final String user;
        final CompletableFuture<ScriptResult> result = new CompletableFuture<>();

        Job(List<String> argv, Duration timeout, String user) {
            this.argv = argv;
            this.timeout = timeout;
            this.user = user;
        }

        @Override
        public void run() {
            try {
                result.complete(execute(argv, timeout, user));
            } catch (RuntimeException e) {
                LOG.warn("script {} failed", argv, e);
                result.complete(ScriptResult.failedToStart(String.valueOf(e)));
            }
        }

        CompletableFuture<ScriptResult> reject(String why) {
            startFailures.incrementAndGet();
            LOG.warn("script {} not run: {}", argv, why);
            result.complete(ScriptResult.failedToStart(why));
            return result;
        }
    }
}
