package dev.vigil.daemon.lab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Key presses for the interactive lab. On a terminal, {@code /bin/stty -icanon -echo} on
 * {@code /dev/tty} makes each key arrive at once (Ctrl-C still interrupts); the settings saved
 * before are put back by {@link #close()} (also from a shutdown hook). Without a terminal, or when
 * stty fails, input is read as it comes: a key followed by Enter, or keys written to a pipe.
 * White space is ignored; end of input reads as {@code q}.
 */
public final class KeyInput implements AutoCloseable {
    private static final File TTY = new File("/dev/tty");
    private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
    private final String savedTty;
    private final Thread reader;

    private KeyInput(InputStream in, String savedTty) {
        this.savedTty = savedTty;
        this.reader = new Thread(() -> read(in), "lab-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** Keys from {@code in} as they come (tests, pipes). */
    public static KeyInput of(InputStream in) {
        return new KeyInput(in, null);
    }

    /** Keys from standard input; when it is a terminal, switched to one key at a time. */
    public static KeyInput terminal(boolean isTerminal) {
        String saved = isTerminal ? rawMode().orElse(null) : null;
        return new KeyInput(System.in, saved);
    }

    /** Whether keys arrive one at a time (false: each line needs Enter). */
    public boolean immediate() {
        return savedTty != null;
    }

    private static Optional<String> rawMode() {
        Optional<String> saved = stty(List.of("-g"));
        if (saved.isPresent() && stty(List.of("-icanon", "-echo", "min", "1")).isPresent()) {
            return saved;
        }
        return Optional.empty();
    }

    private static Optional<String> stty(List<String> args) {
        if (!TTY.canRead()) {
            return Optional.empty();
        }
        try {
            var cmd = new java.util.ArrayList<>(List.of("/bin/stty"));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void read(InputStream in) {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                if (!Character.isWhitespace(c)) {
                    keys.add((char) c);
                }
            }
        } catch (IOException e) {
            // input closed
        }
        keys.add('q');
    }

    /** The next key, or empty when none came within {@code millis}. */
    public Optional<Character> next(long millis) throws InterruptedException {
        return Optional.ofNullable(keys.poll(millis, TimeUnit.MILLISECONDS));
    }

    /** Puts the terminal back as it was; safe to call twice. */
    @Override
    public synchronized void close() {
        if (savedTty != null) {
            stty(List.of(savedTty));
        }
    }
}
