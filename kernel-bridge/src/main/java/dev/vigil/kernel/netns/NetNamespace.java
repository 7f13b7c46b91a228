package dev.vigil.kernel.netns;

import dev.vigil.kernel.libc.Syscalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A named network namespace as {@code ip netns} creates it ({@code /var/run/netns/NAME}).
 * setns(2) changes only the calling thread, so code runs in the namespace on threads that
 * entered it first; sockets those threads open belong to the namespace for their whole life.
 */
public final class NetNamespace {
    private static final Path RUN_DIR = Path.of("/var/run/netns");

    private final String name;

    private NetNamespace(String name) {
        this.name = name;
    }

    /** The namespace {@code name}; fails when {@code /var/run/netns/NAME} does not exist. */
    public static NetNamespace named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.contains("/") || !Files.exists(RUN_DIR.resolve(name))) {
            throw new IllegalArgumentException("network namespace '" + name + "' does not exist ("
                    + RUN_DIR.resolve(name) + ")");
        }
        return new NetNamespace(name);
    }

    public String name() {
        return name;
    }

    /** Moves the calling thread into this namespace, for good. */
    public void enterCurrentThread() {
        int fd = Syscalls.open(RUN_DIR.resolve(name).toString(), Syscalls.O_RDONLY);
        try {
            Syscalls.setns(fd, Syscalls.CLONE_NEWNET, "netns " + name);
        } finally {
            Syscalls.close(fd);
        }
    }

    /**
     * A thread factory whose threads enter this namespace before running their task. When the
     * namespace cannot be entered the task does not run at all (it must never run in the wrong
     * namespace); the failure goes to the thread's uncaught-exception handler.
     */
    public ThreadFactory threadFactory(String threadName) {
        return r -> {
            Thread t = new Thread(() -> {
                enterCurrentThread();
                r.run();
            }, threadName);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code body} on a fresh thread inside this namespace and returns its result. */
    public <T> T call(Callable<T> body) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> f = ex.submit(() -> {
                enterCurrentThread();
                return body.call();
            });
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof Exception x) {
                    throw x;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
