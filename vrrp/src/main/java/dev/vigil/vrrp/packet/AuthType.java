package dev.vigil.vrrp.packet;

/**
 * The VRRPv2 "Auth Type" field (RFC 3768 section 5.3.6; the types themselves are those of RFC 2338
 * section 5.3.6, which RFC 3768 removed but keepalived still speaks). VRRPv3 has no authentication
 * and always uses {@link #NONE}.
 */
public enum AuthType {
    /** 0: no authentication; the 8 authentication data bytes are zero. */
    NONE(0),
    /** 1: simple text password, zero padded to 8 bytes (RFC 2338 section 5.3.6.2). */
    PASS(1),
    /** 2: IP Authentication Header (RFC 2338 section 5.3.6.3). */
    AH(2);

    private final int wire;

    AuthType(int wire) {
        this.wire = wire;
    }

    /** The value in the packet's Auth Type byte. */
    public int wireValue() {
        return wire;
    }

    /** The type for an Auth Type byte; throws {@link IllegalArgumentException} for values other than 0, 1, 2. */
    public static AuthType ofWire(int value) {
        for (AuthType t : values()) {
            if (t.wire == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown VRRP auth type " + value);
    }
}
