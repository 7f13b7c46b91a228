package dev.vigil.daemon.vip;

import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VirtualAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The exec VIP backend: one command per address added or removed, run without a shell. A command
 * succeeds when it exits 0 within the timeout; otherwise the call fails with the exit status (or
 * the timeout) and the last line the command printed, and a command that outlived its timeout is
 * killed with every process it started. Calls block: the host runs them off the VRRP loop.
 */
public final class ExecVipBackend implements VipBackend {
    private static final int OUTPUT_LIMIT = 4096;

    private final ExecCommand add;
    private final ExecCommand remove;
    private final Duration timeout;

    public ExecVipBackend(ExecCommand add, ExecCommand remove, Duration timeout) {
        this.add = Objects.requireNonNull(add, "add");
        this.remove = Objects.requireNonNull(remove, "remove");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void add(VirtualAddress address) throws Exception {
        run("add", add.argv(address));
    }

    @Override
    public void remove(VirtualAddress address) throws Exception {
        run("remove", remove.argv(address));
    }

    /** A command cannot tell what it holds: the daemon's record of what it added answers instead. */
    @Override
    public Set<VirtualAddress> held(String owner) {
        return Set.of();
    }

    private void run(String op, List<String> argv) throws IOException, InterruptedException, ExecFailedException {
        Path output = Files.createTempFile("vigil-vip-", ".out");
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            boolean done;
            try {
                done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(p);
                throw e;
            }
            if (!done) {
                kill(p);
                throw new ExecFailedException(op + " command " + argv + " timed out after " + human(timeout)
                        + " and was killed" + lastLine(output));
            }
            if (p.exitValue() != 0) {
                throw new ExecFailedException(op + " command " + argv + " exited with status " + p.exitValue()
                        + lastLine(output));
            }
        } catch (IOException e) {
            throw new ExecFailedException(op + " command " + argv + " could not start: " + e.getMessage());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path output) {
        try {
            byte[] bytes = Files.readAllBytes(output);
            int from = Math.max(0, bytes.length - OUTPUT_LIMIT);
            String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            int nl = text.lastIndexOf('\n');
            return ": " + (nl < 0 ? text : text.substring(nl + 1)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    @Override
    public String toString() {
        return "exec (add: " + add + ", remove: " + remove + ")";
    }

    /** A command that failed: exit status or timeout, with the command's last line of output. */
    public static final class ExecFailedException extends Exception {
        public ExecFailedException(String message) {
            super(message);
        }
    }
}
