package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.rtnl.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Names iproute2 users write for scopes, routing tables and protocols, turned into numbers. */
public final class KernelNames {
    private static final Path RT_TABLES = Path.of("/etc/iproute2/rt_tables");

    private KernelNames() {
    }

    /** An address scope by name (global, site, link, host, nowhere) or number; null is global. */
    public static Scope scope(String name) {
        if (name == null) {
            return Scope.UNIVERSE;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "global", "universe" -> Scope.UNIVERSE;
            case "site" -> Scope.SITE;
            case "link" -> Scope.LINK;
            case "host" -> Scope.HOST;
            case "nowhere" -> Scope.NOWHERE;
            default -> Scope.of(Integer.parseInt(name));
        };
    }

    /** A table by number or name (main, local, default, or a name from /etc/iproute2/rt_tables). */
    static int table(String name) {
        if (name == null) {
            return 254;
        }
        switch (name) {
            case "main":
                return 254;
            case "local":
                return 255;
            case "default":
                return 253;
            default:
                break;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Integer.parseUnsignedInt(name);
        }
        try {
            for (String line : Files.readAllLines(RT_TABLES)) {
                String[] w = line.trim().split("\\s+");
                if (w.length >= 2 && !w[0].startsWith("#") && w[1].equals(name)) {
                    return Integer.parseUnsignedInt(w[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("unknown routing table " + name + " (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException("unknown routing table " + name);
    }

    /** A routing protocol by number or name; keepalived's own protocol (18) when unset. */
    static int protocol(String name) {
        if (name == null) {
            return 18;
        }
        return switch (name) {
            case "kernel" -> 2;
            case "boot" -> 3;
            case "static" -> 4;
            case "keepalived" -> 18;
            default -> Integer.parseInt(name);
        };
    }
}
