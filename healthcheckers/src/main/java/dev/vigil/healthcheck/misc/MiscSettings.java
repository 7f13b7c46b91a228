package dev.vigil.healthcheck.misc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MISC_CHECK section.
 *
 * @param path    the command line ({@code misc_path}), run by {@code /bin/sh -c}
 * @param timeout how long it may run ({@code misc_timeout}); the check's deadline when empty
 * @param dynamic exit codes 2-255 set the weight to code - 2 ({@code misc_dynamic})
 * @param user    run as this user ({@code user NAME [GROUP]}); the daemon's when empty
 * @param group   and this group; the user's when empty
 */
public record MiscSettings(String path, Optional<Duration> timeout, boolean dynamic, Optional<String> user,
                           Optional<String> group) {
    public MiscSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
    }

    /** The process's arguments: through {@code runuser} when a user is set. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        if (user.isPresent()) {
            cmd.addAll(List.of("runuser", "-u", user.get()));
            group.ifPresent(g -> cmd.addAll(List.of("-g", g)));
            cmd.add("--");
        }
        cmd.addAll(List.of("/bin/sh", "-c", path));
        return cmd;
    }
}
