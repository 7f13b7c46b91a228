package dev.vigil.example.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;

/**
 * The plugin's one I/O thread: every check's socket belongs to this asynchronous channel group,
 * created on the first check and shut down when the host stops the plugin
 * ({@link RedisRolePlugin#stop()}). Completion handlers run on it and must never block.
 */
final class IoGroup {
    private static AsynchronousChannelGroup group;

    private IoGroup() {
    }

    static synchronized AsynchronousChannelGroup shared() {
        if (group == null || group.isShutdown()) {
            try {
                group = AsynchronousChannelGroup.withFixedThreadPool(1, r -> {
                    Thread t = new Thread(r, "redis-role-io");
                    t.setDaemon(true);
                    return t;
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the REDIS_ROLE I/O thread", e);
            }
        }
        return group;
    }

    static synchronized void shutdown() {
        if (group != null) {
            group.shutdown();
            group = null;
        }
    }
}
