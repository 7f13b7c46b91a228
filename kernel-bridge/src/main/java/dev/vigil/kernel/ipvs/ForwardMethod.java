package dev.vigil.kernel.ipvs;

/** How packets reach a destination: {@code IP_VS_CONN_F_*} forwarding methods of ip_vs.h. */
public enum ForwardMethod {
    /** Masquerading (NAT), {@code IP_VS_CONN_F_MASQ}. */
    NAT(IpvsConstants.CONN_F_MASQ),
    /** Local node, {@code IP_VS_CONN_F_LOCALNODE}. */
    LOCAL(IpvsConstants.CONN_F_LOCALNODE),
    /** IP-in-IP/GUE/GRE tunnelling, {@code IP_VS_CONN_F_TUNNEL}. */
    TUNNEL(IpvsConstants.CONN_F_TUNNEL),
    /** Direct routing (gatewaying), {@code IP_VS_CONN_F_DROUTE}. */
    DIRECT_ROUTE(IpvsConstants.CONN_F_DROUTE),
    /** Cache bypass, {@code IP_VS_CONN_F_BYPASS}. */
    BYPASS(IpvsConstants.CONN_F_BYPASS);

    /** {@link #values()} once: lookups by number copy no array. */
    private static final ForwardMethod[] ALL = values();

    private final int value;

    ForwardMethod(int value) {
        this.value = value;
    }

    /** The kernel value (within {@code IP_VS_CONN_F_FWD_MASK}). */
    public int value() {
        return value;
    }

    /** The method for kernel connection flags {@code flags} (only the forwarding bits are read). */
    public static ForwardMethod of(int flags) {
        int v = flags & IpvsConstants.CONN_F_FWD_MASK;
        for (ForwardMethod m : ALL) {
            if (m.value == v) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown IPVS forwarding method " + v);
    }
}
