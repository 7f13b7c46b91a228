package dev.vigil.daemon.plugin;

import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionSchema;

import java.util.Set;

/**
 * The notifier keys the host reads itself: {@code name} (in status and metrics; TYPE-N, the
 * section's place in the list, by default) and {@code delivery_timeout} (seconds one delivery may
 * take before the queue moves on; 30 by default). A notifier plugin sees its section without them.
 */
public final class NotifierKeys {
    public static final Set<String> SHARED = Set.of("name", "delivery_timeout");

    private NotifierKeys() {
    }

    public static SectionSchema schema(String type) {
        return SectionSchema.builder(SectionKind.NOTIFIER, type).string("name").seconds("delivery_timeout").build();
    }
}
