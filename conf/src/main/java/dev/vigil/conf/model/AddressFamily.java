package dev.vigil.conf.model;

/** The address family of a configured address (the daemon maps it to the kernel's). */
public enum AddressFamily {
    INET("IPv4"), INET6("IPv6");

    private final String label;

    AddressFamily(String label) {
        this.label = label;
    }

    /** "IPv4" or "IPv6". */
    public String label() {
        return label;
    }
}
