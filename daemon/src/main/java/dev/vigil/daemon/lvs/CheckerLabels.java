package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.kernel.ipvs.IpAddresses;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * keepalived's names of virtual and real servers in notify FIFO lines and alert mails:
 * {@code [10.0.0.1]:tcp:80}, {@code FWM 7}, {@code [GROUP]:0} for a virtual server and
 * {@code [192.168.1.2]:tcp:80} for a real server (port 0 under a fwmark service, whose real servers
 * have no port in IPVS). Built from a configuration; maps the LVS engine's names (a virtual
 * server's {@link Services#name}, a real server's IPVS destination) to these, and these back to the
 * configuration's servers.
 */
public final class CheckerLabels {
    /** A virtual server or real server of the configuration with its keepalived name. */
    public record Labelled<T>(String label, VirtualServer virtualServer, T server) {
    }

    private final Map<String, Labelled<VirtualServer>> byEngineVs = new HashMap<>();
    private final Map<String, Labelled<RealServer>> byEngineRs = new HashMap<>();
    private final Map<String, Labelled<VirtualServer>> byVsLabel = new HashMap<>();
    private final Map<String, Labelled<RealServer>> byRsLabel = new HashMap<>();

    public static final CheckerLabels EMPTY = new CheckerLabels();

    private CheckerLabels() {
    }

    public static CheckerLabels of(VigilConfig config) {
        CheckerLabels l = new CheckerLabels();
        for (VirtualServer vs : config.virtualServer()) {
            String engineName = Services.name(vs);
            Labelled<VirtualServer> v = new Labelled<>(virtualServer(vs), vs, vs);
            l.byEngineVs.put(engineName, v);
            l.byVsLabel.put(v.label(), v);
            int vsPort = vs.port() == null ? 0 : vs.port();
            for (RealServer rs : vs.realServer()) {
                InetAddress a = IpAddresses.parse(rs.ip().text());
                int port = vs.fwmark() != null ? 0 : rs.port() == null ? vsPort : rs.port();
                Labelled<RealServer> r = new Labelled<>(trio(a, vs, port), vs, rs);
                l.byEngineRs.put(engineName + " " + IpAddresses.withPort(a, port), r);
                l.byRsLabel.put(v.label() + " " + r.label(), r);
            }
        }
        return l;
    }

    /** keepalived's name of {@code vs}. */
    public static String virtualServer(VirtualServer vs) {
        if (vs.group() != null) {
            return "[" + vs.group() + "]:" + (vs.port() == null ? 0 : vs.port());
        }
        if (vs.fwmark() != null) {
            return "FWM " + vs.fwmark();
        }
        return trio(IpAddresses.parse(vs.ip().text()), vs, vs.port() == null ? 0 : vs.port());
    }

    private static String trio(InetAddress a, VirtualServer vs, int port) {
        return "[" + IpAddresses.format(a) + "]:" + vs.protocol().name().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** keepalived's name of the engine's virtual server {@code engineName}; the name itself if unknown. */
    public String virtualServerLabel(String engineName) {
        Labelled<VirtualServer> v = byEngineVs.get(engineName);
        return v == null ? engineName : v.label();
    }

    /** keepalived's name of the engine's real server {@code destination} of {@code engineVs}. */
    public String realServerLabel(String engineVs, String destination) {
        Labelled<RealServer> r = byEngineRs.get(engineVs + " " + destination);
        return r == null ? destination : r.label();
    }

    public Optional<Labelled<VirtualServer>> virtualServer(String label) {
        return Optional.ofNullable(byVsLabel.get(label));
    }

    public Optional<Labelled<RealServer>> realServer(String vsLabel, String rsLabel) {
        return Optional.ofNullable(byRsLabel.get(vsLabel + " " + rsLabel));
    }
}
