package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Shorthands for the golden-byte tests. */
final class GoldenSupport {
    private GoldenSupport() {
    }

    static InetAddress ip(String s) {
        InetAddress a = IpAddresses.parse(s);
        if (a == null) {
            throw new IllegalArgumentException(s);
        }
        return a;
    }

    static ServiceKey tcp(String addr, int port) {
        return ServiceKey.tcp(ip(addr), port);
    }

    static ServiceKey udp(String addr, int port) {
        return ServiceKey.udp(ip(addr), port);
    }

    static ServiceKey sctp(String addr, int port) {
        return ServiceKey.sctp(ip(addr), port);
    }

    static ServiceKey fwm(IpFamily family, int mark) {
        return ServiceKey.fwmark(family, mark);
    }

    static Service svc(ServiceKey key, String sched, ServiceFlag... flags) {
        Service s = Service.of(key, sched);
        return flags.length == 0 ? s : s.withFlags(EnumSet.of(flags[0], flags));
    }

    static Destination dest(String addr, int port, ForwardMethod fwd, int weight) {
        return Destination.of(ip(addr), port, fwd, weight);
    }

    /** Runs {@code action} against capture {@code name}; every request must be one ipvsadm sent. */
    static IpvsGolden sends(String name, Consumer<NetlinkIpvs> action) {
        IpvsGolden g = IpvsGolden.load(name);
        g.run(ipvs -> {
            action.accept(ipvs);
            return null;
        });
        assertThat(g.matched()).as("requests matched in %s", name).isNotEmpty();
        return g;
    }
}
