package dev.vigil.example.redis;

import org.pf4j.Plugin;

/** The plugin's life cycle: its I/O thread is created on the first check and stopped here. */
public final class RedisRolePlugin extends Plugin {

    @Override
    public void stop() {
        IoGroup.shutdown();
    }
}
