package dev.vigil.kernel.ipvs;

/** Transport protocol of an address-based virtual service. */
public enum Protocol {
    TCP(IpvsConstants.IPPROTO_TCP),
    UDP(IpvsConstants.IPPROTO_UDP),
    SCTP(IpvsConstants.IPPROTO_SCTP);

    /** {@link #values()} once: lookups by number copy no array. */
    private static final Protocol[] ALL = values();

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    /** The IP protocol number ({@code IPPROTO_*}). */
    public int number() {
        return number;
    }

    /** The protocol with IP protocol number {@code number}. */
    public static Protocol of(int number) {
        for (Protocol p : ALL) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("unsupported IPVS protocol " + number);
    }
}
