package dev.vigil.example.redis;

import java.util.Locale;
import java.util.Optional;

/** The replication role a Redis server reports as the first element of its {@code ROLE} reply. */
public enum Role {
    MASTER("master"),
    /** A replica; Redis's {@code ROLE} still calls it {@code slave}. */
    SLAVE("slave");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The word as {@code ROLE} replies and the configuration write it. */
    public String word() {
        return word;
    }

    /** {@code master}, {@code slave} or its newer name {@code replica}, in any case. */
    public static Optional<Role> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "master" -> Optional.of(MASTER);
            case "slave", "replica" -> Optional.of(SLAVE);
            default -> Optional.empty();
        };
    }
}
