package dev.vigil.kernel.ipvs;

import java.util.Locale;

/** Encapsulation of a tunnelled destination: {@code IP_VS_CONN_F_TUNNEL_TYPE_*}. */
public enum TunnelType {
    IPIP(IpvsConstants.TUNNEL_TYPE_IPIP),
    GUE(IpvsConstants.TUNNEL_TYPE_GUE),
    GRE(IpvsConstants.TUNNEL_TYPE_GRE);

    /** {@link #values()} once: lookups by number copy no array. */
    private static final TunnelType[] ALL = values();

    private final int value;

    TunnelType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The name ipvsadm uses ({@code ipip}, {@code gue}, {@code gre}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TunnelType of(int value) {
        for (TunnelType t : ALL) {
            if (t.value == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown IPVS tunnel type " + value);
    }
}
