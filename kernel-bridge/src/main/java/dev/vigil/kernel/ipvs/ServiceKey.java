package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What identifies a virtual service in the kernel: protocol, address and port, or a firewall
 * mark with an address family.
 */
public sealed interface ServiceKey permits ServiceKey.Inet, ServiceKey.Fwmark {

    IpFamily family();

    /** {@code TCP 10.0.0.1:80}, {@code FWM 7}, {@code FWM 7 IPv6}: the way ipvsadm lists services. */
    String describe();

    /** A service on {@code protocol} {@code address}:{@code port}. */
    record Inet(Protocol protocol, InetAddress address, int port) implements ServiceKey {
        public Inet {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port);
            }
        }

        @Override
        public IpFamily family() {
            return IpFamily.of(address);
        }

        @Override
        public String describe() {
            return protocol + " " + IpAddresses.withPort(address, port);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** A service matching packets with firewall mark {@code mark} (any 32-bit value but 0). */
    record Fwmark(IpFamily family, int mark) implements ServiceKey {
        public Fwmark {
            Objects.requireNonNull(family, "family");
            if (mark == 0) {
                throw new IllegalArgumentException("fwmark 0");
            }
        }

        @Override
        public String describe() {
            return "FWM " + Integer.toUnsignedString(mark) + (family == IpFamily.V6 ? " IPv6" : "");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    static ServiceKey tcp(InetAddress address, int port) {
        return new Inet(Protocol.TCP, address, port);
    }

    static ServiceKey udp(InetAddress address, int port) {
        return new Inet(Protocol.UDP, address, port);
    }

    static ServiceKey sctp(InetAddress address, int port) {
        return new Inet(Protocol.SCTP, address, port);
    }

    static ServiceKey fwmark(IpFamily family, int mark) {
        return new Fwmark(family, mark);
    }
}
