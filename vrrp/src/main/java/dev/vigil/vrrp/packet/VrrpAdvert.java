package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One VRRP advertisement as values: VRRPv3 (RFC 5798 section 5.2) or VRRPv2 (RFC 3768 section 5.3).
 *
 * @param version              2 or 3
 * @param vrid                 virtual router id, 1..255 (section 5.2.3)
 * @param priority             0..255; 0 means the master stops, 255 the address owner (section 5.2.4)
 * @param advertIntervalCentis advertisement interval in centiseconds: v3 "Max Adver Int", 0..4095
 *                             (RFC 5798 section 5.2.7); v2 carries whole seconds on the wire
 *                             (RFC 3768 section 5.3.7), so it is seconds * 100, 0..25500
 * @param authType             v2 Auth Type; always {@link AuthType#NONE} for v3
 * @param authData             8 bytes for v2 {@link AuthType#PASS} (the password zero padded or
 *                             truncated to 8), empty otherwise
 * @param addresses            the virtual addresses, all of one family; IPv4 for v2
 */
public record VrrpAdvert(int version, int vrid, int priority, int advertIntervalCentis,
                         AuthType authType, byte[] authData, List<InetAddress> addresses) {
    /** Length of the v2 authentication data (RFC 3768 section 5.3.10). */
    public static final int AUTH_DATA_LENGTH = 8;
    /** Largest v3 Max Adver Int, a 12-bit field (RFC 5798 section 5.2.7). */
    public static final int MAX_V3_INTERVAL_CENTIS = 0xfff;

    public VrrpAdvert {
        Objects.requireNonNull(authType, "authType");
        authData = Objects.requireNonNull(authData, "authData").clone();
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        checkRange("vrid", vrid, 1, 255);
        checkRange("priority", priority, 0, 255);
        checkRange("address count", addresses.size(), 0, 255);
        if (version == 3) {
            checkV3(advertIntervalCentis, authType, authData, addresses);
        } else if (version == 2) {
            checkV2(advertIntervalCentis, authType, authData, addresses);
        } else {
            throw new IllegalArgumentException("VRRP version must be 2 or 3, not " + version);
        }
    }

    /** A VRRPv3 advertisement (RFC 5798 section 5.2). */
    public static VrrpAdvert v3(int vrid, int priority, int advertIntervalCentis,
                                List<? extends InetAddress> addresses) {
        return new VrrpAdvert(3, vrid, priority, advertIntervalCentis, AuthType.NONE, new byte[0],
                List.copyOf(addresses));
    }

    /**
     * A VRRPv2 advertisement (RFC 3768 section 5.3). {@code password} is used only for
     * {@link AuthType#PASS}: its UTF-8 bytes, zero padded or truncated to 8, as keepalived does with
     * {@code auth_pass}; it may be null for the other types.
     */
    public static VrrpAdvert v2(int vrid, int priority, int advertIntervalSeconds, AuthType authType,
                                String password, List<? extends InetAddress> addresses) {
        Objects.requireNonNull(authType, "authType");
        byte[] data = authType == AuthType.PASS ? passwordBytes(Objects.requireNonNull(password, "password"))
                : new byte[0];
        checkRange("advert interval (seconds)", advertIntervalSeconds, 0, 255);
        return new VrrpAdvert(2, vrid, priority, advertIntervalSeconds * 100, authType, data, List.copyOf(addresses));
    }

    /** The 8 authentication data bytes of a v2 PASS password: UTF-8, zero padded or truncated. */
    public static byte[] passwordBytes(String password) {
        return Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), AUTH_DATA_LENGTH);
    }

    /** The family of the addresses; v2 is always V4, and so is a v3 advert without addresses. */
    public IpFamily family() {
        return familyOr(IpFamily.V4);
    }

    /** The family of the addresses, or {@code whenEmpty} for a v3 advert without addresses. */
    public IpFamily familyOr(IpFamily whenEmpty) {
        Objects.requireNonNull(whenEmpty, "whenEmpty");
        if (version == 2) {
            return IpFamily.V4;
        }
        return addresses.isEmpty() ? whenEmpty : IpFamily.of(addresses.get(0));
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrrpAdvert a && a.version == version && a.vrid == vrid && a.priority == priority
                && a.advertIntervalCentis == advertIntervalCentis && a.authType == authType
                && Arrays.equals(a.authData, authData) && a.addresses.equals(addresses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, vrid, priority, advertIntervalCentis, authType, Arrays.hashCode(authData),
                addresses);
    }

    /** Shows the fields but not the password. */
    @Override
    public String toString() {
        return "VrrpAdvert[v" + version + " vrid " + vrid + " prio " + priority + " int " + advertIntervalCentis
                + "cs" + (version == 2 ? " auth " + authType : "") + " "
                + addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(",", "[", "]"))
                + "]";
    }

    private static void checkV3(int interval, AuthType authType, byte[] authData, List<InetAddress> addresses) {
        checkRange("advert interval (centiseconds)", interval, 0, MAX_V3_INTERVAL_CENTIS);
        if (authType != AuthType.NONE || authData.length != 0) {
            throw new IllegalArgumentException("VRRPv3 has no authentication (RFC 5798 section 9)");
        }
        if (!addresses.isEmpty()) {
            IpFamily family = IpFamily.of(addresses.get(0));
            if (!addresses.stream().allMatch(family::matches)) {
                throw new IllegalArgumentException("addresses of one advert must be of one family: " + addresses);
            }
        }
    }

    private static void checkV2(int interval, AuthType authType, byte[] authData, List<InetAddress> addresses) {
        if (interval % 100 != 0) {
            throw new IllegalArgumentException("VRRPv2 advert interval is whole seconds, not " + interval + "cs");
        }
        checkRange("advert interval (centiseconds)", interval, 0, 25500);
        int want = authType == AuthType.PASS ? AUTH_DATA_LENGTH : 0;
        if (authData.length != want) {
            throw new IllegalArgumentException("VRRPv2 " + authType + " needs " + want + " bytes of auth data, not "
                    + authData.length);
        }
        if (!addresses.stream().allMatch(IpFamily.V4::matches)) {
            throw new IllegalArgumentException("VRRPv2 carries IPv4 addresses only: " + addresses);
        }
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", not " + value);
        }
    }
}
