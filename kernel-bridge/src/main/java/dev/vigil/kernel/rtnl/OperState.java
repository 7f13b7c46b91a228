package dev.vigil.kernel.rtnl;

/** RFC 2863 operational state of a link ({@code IFLA_OPERSTATE}, enum in linux/if.h). */
public enum OperState {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP;

    public static OperState of(int value) {
        OperState[] all = values();
        return value >= 0 && value < all.length ? all[value] : UNKNOWN;
    }
}
