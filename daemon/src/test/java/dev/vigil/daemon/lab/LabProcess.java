package dev.vigil.daemon.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process in a namespace, its output in a log file. {@code ip netns exec} replaces
 * itself with the command, so {@link #pid()} is the command's own PID. Stopped only by its PID (and
 * its descendants' PIDs).
 */
public class LabProcess implements AutoCloseable {
    private final String label;
    private final Process process;
    private final Path log;

    LabProcess(String label, List<String> command, Path log) {
        this.label = label;
        this.log = log;
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + label + ": " + e.getMessage(), e);
        }
    }

    /** Starts {@code command} in {@code node}, its output in {@code tag.log} in the lab directory; the lab closes it. */
    public static LabProcess start(NetLab lab, String node, String tag, String... command) {
        return lab.own(new LabProcess(tag, NetLab.inNs(lab.node(node).ns(), command), lab.dir().resolve(tag + ".log")));
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path logFile() {
        return log;
    }

    /** The log so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM to the process (by its PID). */
    public void terminate() {
        process.destroy();
    }

    /**
     * Sends SIGKILL to every descendant of the process, then to the process, and waits for it to exit.
     * Descendants go first: keepalived's children ask for a signal when their parent dies and would
     * otherwise shut down cleanly (sending priority 0) instead of dying like the parent.
     */
    public void kill9() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /**
     * Waits for the process to exit.
     *
     * @return its exit status
     * @throws AssertionError when it is still running after {@code timeout}
     */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(label + " still running after " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** Stops the process: SIGTERM, then SIGKILL (with its descendants) if it is still running after 15 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        terminate();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return label + " (pid " + pid() + ")";
    }
}
