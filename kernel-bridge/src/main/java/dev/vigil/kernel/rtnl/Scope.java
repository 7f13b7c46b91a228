package dev.vigil.kernel.rtnl;

/**
 * An address or route scope ({@code rt_scope_t}): how far from this host the address or route
 * is valid. A value type because administrators may define their own scopes (0..255).
 */
public record Scope(int value) {
    public static final Scope UNIVERSE = new Scope(0);
    public static final Scope SITE = new Scope(200);
    public static final Scope LINK = new Scope(253);
    public static final Scope HOST = new Scope(254);
    public static final Scope NOWHERE = new Scope(255);

    public Scope {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("scope " + value + " out of 0..255");
        }
    }

    public static Scope of(int value) {
        return switch (value) {
            case 0 -> UNIVERSE;
            case 200 -> SITE;
            case 253 -> LINK;
            case 254 -> HOST;
            case 255 -> NOWHERE;
            default -> new Scope(value);
        };
    }

    /** The name iproute2 prints ({@code global} for universe), or the number. */
    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(value);
        };
    }
}
