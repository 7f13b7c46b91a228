package dev.vigil.vrrp.packet;

/** Why a received VRRP packet is discarded or accepted with a warning (RFC 5798 / RFC 3768 section 7.1). */
public enum DropReason {
    /** Shorter than the fixed header or than its address count needs. */
    TOO_SHORT,
    /** Version is neither 2 nor 3, or 2 over IPv6. */
    BAD_VERSION,
    /** Type is not 1 (ADVERTISEMENT). */
    BAD_TYPE,
    /** The Internet checksum does not verify. */
    BAD_CHECKSUM,
    /** Length does not match the address count (and, for v2, the authentication data). */
    BAD_LENGTH,
    /** Multicast advert whose TTL / hop limit is not 255. */
    BAD_TTL,
    /** VRID is not the instance's (or 0, which no instance has). */
    WRONG_VRID,
    /** Version differs from the instance's. */
    VERSION_MISMATCH,
    /** VRRPv2 Auth Type is not one of 0, 1, 2. */
    BAD_AUTH_TYPE,
    /** VRRPv2 Auth Type differs from the instance's. */
    AUTH_TYPE_MISMATCH,
    /** VRRPv2 password differs from the instance's. */
    AUTH_FAILURE,
    /** VRRPv2 advertisement interval differs from the instance's. */
    INTERVAL_MISMATCH,
    /** Address list differs from the instance's virtual addresses. */
    ADDRESS_MISMATCH,
    /** Unicast source is none of the configured unicast peers. */
    UNKNOWN_SOURCE,
    /** Address family differs from the instance's. */
    WRONG_FAMILY,
    /** TTL / hop limit outside the {@code min_ttl}..{@code max_ttl} range configured for the unicast peer. */
    TTL_OUT_OF_RANGE
}
