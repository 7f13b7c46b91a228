package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route in a routing table, as {@code ip route} shows it (single next hop).
 *
 * @param dst      destination prefix ({@code 0.0.0.0/0} for a default route)
 * @param gateway  next-hop gateway ({@code RTA_GATEWAY}), or {@code null} for a direct route
 * @param ifindex  output interface ({@code RTA_OIF}), 0 for none
 * @param prefSrc  preferred source address ({@code RTA_PREFSRC}), or {@code null}
 * @param table    table id, a full u32 ({@code RTA_TABLE} when above 255); 254 is main
 * @param metric   priority/metric ({@code RTA_PRIORITY}); 0 leaves it to the kernel (IPv6 uses 1024)
 * @param scope    route scope; by default link for an IPv4 unicast route without gateway (IPv6 ignores it)
 * @param protocol who installed it ({@code RTPROT_*}: boot, static, keepalived...)
 * @param type     unicast, blackhole, unreachable, prohibit...
 */
public record Route(IpPrefix dst, InetAddress gateway, int ifindex, InetAddress prefSrc, int table, int metric,
                    Scope scope, int protocol, RouteType type) {

    public Route {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        IpFamily f = dst.family();
        if (gateway != null && IpFamily.of(gateway) != f || prefSrc != null && IpFamily.of(prefSrc) != f) {
            throw new IllegalArgumentException("gateway and source must be " + f + " like " + dst);
        }
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " out of 0..255");
        }
    }

    public IpFamily family() {
        return dst.family();
    }

    /** A builder for a unicast route to {@code dst} in the main table, protocol boot. */
    public static Builder to(IpPrefix dst) {
        return new Builder(dst);
    }

    /** A builder for a unicast route to {@code dst} ({@code ADDRESS/LEN}). */
    public static Builder to(String dst) {
        return new Builder(IpPrefix.parse(dst));
    }

    /** A builder starting from this route. */
    public Builder toBuilder() {
        return new Builder(dst).via(gateway).dev(ifindex).src(prefSrc).table(table).metric(metric)
                .protocol(protocol).type(type).scope(scope);
    }

    @Override
    public String toString() {
        return (type == RouteType.UNICAST ? "" : type.name().toLowerCase() + " ") + dst
                + (gateway == null ? "" : " via " + gateway.getHostAddress())
                + (ifindex == 0 ? "" : " dev #" + ifindex) + (prefSrc == null ? "" : " src " + prefSrc.getHostAddress())
                + " table " + Integer.toUnsignedString(table) + (metric == 0 ? "" : " metric " + Integer.toUnsignedString(metric))
                + " scope " + scope + " proto " + protocolName(protocol);
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case Rtnl.RTPROT_UNSPEC -> "unspec";
            case Rtnl.RTPROT_KERNEL -> "kernel";
            case Rtnl.RTPROT_BOOT -> "boot";
            case Rtnl.RTPROT_STATIC -> "static";
            case Rtnl.RTPROT_KEEPALIVED -> "keepalived";
            default -> Integer.toString(protocol);
        };
    }

    /** Builds a {@link Route}; unset scope defaults as iproute2 does (link for a direct unicast route). */
    public static final class Builder {
        private final IpPrefix dst;
        private InetAddress gateway;
        private int ifindex;
        private InetAddress prefSrc;
        private int table = Rtnl.RT_TABLE_MAIN;
        private int metric;
        private Scope scope;
        private int protocol = Rtnl.RTPROT_BOOT;
        private RouteType type = RouteType.UNICAST;

        private Builder(IpPrefix dst) {
            this.dst = Objects.requireNonNull(dst, "dst");
        }

        public Builder via(InetAddress gateway) {
            this.gateway = gateway;
            return this;
        }

        public Builder via(String gateway) {
            return via(Addresses.parse(gateway));
        }

        public Builder dev(int ifindex) {
            this.ifindex = ifindex;
            return this;
        }

        public Builder src(InetAddress prefSrc) {
            this.prefSrc = prefSrc;
            return this;
        }

        public Builder src(String prefSrc) {
            return src(Addresses.parse(prefSrc));
        }

        public Builder table(int table) {
            this.table = table;
            return this;
        }

        public Builder metric(int metric) {
            this.metric = metric;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder protocol(int protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder type(RouteType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Route build() {
            return new Route(dst, gateway, ifindex, prefSrc, table, metric, scope == null ? defaultScope() : scope,
                    protocol, type);
        }

        private Scope defaultScope() {
            return switch (type) {
                case LOCAL, NAT -> Scope.HOST;
                case BROADCAST, MULTICAST, ANYCAST -> Scope.LINK;
                case UNICAST, UNSPEC -> gateway == null && dst.family() == IpFamily.V4 ? Scope.LINK : Scope.UNIVERSE;
                default -> Scope.UNIVERSE;
            };
        }
    }
}
