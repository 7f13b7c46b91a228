package dev.vigil.daemon.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short host commands to completion with a time limit. */
final class Commands {
    private Commands() {
    }

    /** Runs {@code cmd}; the process is killed (by its PID) when it outlives 60 s. */
    static ExecResult run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("netlab", ".out");
            Path err = Files.createTempFile("netlab", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after 60 s: " + String.join(" ", cmd));
                }
                return new ExecResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code cmd} and returns its output; a non-zero exit throws with the error output. */
    static String check(List<String> cmd) {
        ExecResult r = run(cmd);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.exit() + ": " + r.err() + r.out());
        }
        return r.out();
    }
}
