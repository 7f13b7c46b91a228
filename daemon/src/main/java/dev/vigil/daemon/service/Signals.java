package dev.vigil.daemon.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.Objects;

/**
 * Signal handling of {@code vigil run}, through {@code sun.misc.Signal} (module jdk.unsupported; the
 * JDK has no supported API for it). SIGHUP reloads the configuration; SIGTERM and SIGINT ask for an
 * orderly stop, replacing the JVM's own handlers so the process exits 0 after cleaning up instead
 * of 143. Handlers only hand work to a thread: the JVM runs them on its single signal thread.
 */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Installs the handlers; {@code reload} runs on a new thread per SIGHUP, {@code stop} must return quickly. */
    public static void install(Runnable reload, Runnable stop) {
        Objects.requireNonNull(reload, "reload");
        Objects.requireNonNull(stop, "stop");
        Signal.handle(new Signal("HUP"), s -> {
            LOG.info("SIGHUP: reloading");
            Thread t = new Thread(reload, "vigil-sighup");
            t.setDaemon(true);
            t.start();
        });
        Signal.handle(new Signal("TERM"), s -> {
            LOG.info("SIGTERM: stopping");
            stop.run();
        });
        Signal.handle(new Signal("INT"), s -> {
            LOG.info("SIGINT: stopping");
            stop.run();
        });
    }
}
