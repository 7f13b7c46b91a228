package dev.vigil.example.redis;

import dev.vigil.plugin.SectionReader;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code REDIS_ROLE} section: the role the server must report, and the password to
 * authenticate with first. The host's keys ({@code connect_timeout}, {@code retry}, ...) never
 * reach the plugin.
 *
 * @param role     {@code role master|slave}
 * @param password {@code password}: sent with {@code AUTH} before {@code ROLE}, or empty
 */
public record RedisRoleSettings(Role role, Optional<String> password) {
    public RedisRoleSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads the section's keys; problems go to {@code r} with their positions. Returns a usable
     * value (master, no password) even when a key is wrong, so every problem is reported.
     */
    public static RedisRoleSettings read(SectionReader r) {
        Role role = Role.MASTER;
        String text = r.required("role");
        if (!text.isEmpty()) {
            Optional<Role> parsed = Role.parse(text);
            if (parsed.isPresent()) {
                role = parsed.get();
            } else {
                r.problem("role", "role must be master or slave, not '" + text + "'");
            }
        }
        Optional<String> password = r.string("password");
        if (password.isPresent() && password.get().isEmpty()) {
            r.problem("password", "password must not be empty (leave the key out for no AUTH)");
            password = Optional.empty();
        }
        return new RedisRoleSettings(role, password);
    }
}
