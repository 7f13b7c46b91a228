package dev.vigil.conf.validate;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.bind.Suggestions;
import dev.vigil.conf.model.AddressFamily;
import dev.vigil.conf.model.GroupMember;
import dev.vigil.conf.model.LvsMethod;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.conf.model.VirtualServerGroup;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks across virtual servers, their groups and real servers. */
final class LvsChecks {
    /** The IPVS schedulers of Linux. */
    static final List<String> SCHEDULERS = List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "mh",
            "sed", "nq", "fo", "ovf", "twos");

    private final VigilConfig config;
    private final Diagnostics diagnostics;

    LvsChecks(VigilConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void run() {
        for (VirtualServer vs : config.virtualServer()) {
            String where = "virtual_server " + describe(vs) + ": ";
            checkAddressing(vs, where);
            if (!SCHEDULERS.contains(vs.lvsSched())) {
                diagnostics.error(vs.position(), where + "unknown lvs_sched '" + vs.lvsSched() + "'",
                        Suggestions.closest(vs.lvsSched(), SCHEDULERS).map(s -> "did you mean '" + s + "'?")
                                .orElse("one of " + String.join(", ", SCHEDULERS)));
            }
            if (vs.hysteresis() >= vs.quorum() && vs.hysteresis() > 0) {
                diagnostics.warning(vs.position(), where + "hysteresis " + vs.hysteresis() + " is not below quorum "
                        + vs.quorum(), "the quorum can then never be lost");
            }
            checkRealServers(vs, where);
        }
        for (VirtualServerGroup g : config.virtualServerGroup()) {
            for (GroupMember m : g.members()) {
                if ((m.ip() == null) == (m.fwmark() == null)) {
                    diagnostics.error(m.position(), "virtual_server_group " + g.name()
                            + ": a member is either ip (with port) or fwmark", "");
                }
            }
        }
    }

    static String describe(VirtualServer vs) {
        if (vs.fwmark() != null) {
            return "fwmark " + vs.fwmark();
        }
        if (vs.group() != null) {
            return "group " + vs.group();
        }
        return vs.ip() + (vs.port() == null ? "" : ":" + vs.port());
    }

    private void checkAddressing(VirtualServer vs, String where) {
        int ways = (vs.ip() != null ? 1 : 0) + (vs.fwmark() != null ? 1 : 0) + (vs.group() != null ? 1 : 0);
        if (ways != 1) {
            diagnostics.error(vs.position(), where + "set exactly one of ip (with port), fwmark or group", "");
        }
        if (vs.group() != null) {
            Set<String> groups = config.virtualServerGroup().stream().map(VirtualServerGroup::name)
                    .collect(Collectors.toSet());
            if (!groups.contains(vs.group())) {
                diagnostics.error(vs.position(), where + "unknown virtual_server_group '" + vs.group() + "'",
                        Suggestions.hint(vs.group(), groups));
            }
        }
        if (vs.ip() != null && (vs.port() == null || vs.port() == 0) && vs.persistenceTimeout() == null) {
            diagnostics.error(vs.position(), where + "zero port specified for non-persistent service",
                    "give a port or set persistence_timeout");
        }
        if (vs.sorryServer() != null && family(vs).filter(f -> f != vs.sorryServer().ip().family()).isPresent()) {
            diagnostics.error(vs.sorryServer().position(), where + "sorry_server " + vs.sorryServer().ip()
                    + " is not of the virtual server's family", "");
        }
    }

    private void checkRealServers(VirtualServer vs, String where) {
        Optional<AddressFamily> family = family(vs);
        for (RealServer rs : vs.realServer()) {
            LvsMethod method = rs.lvsMethod() != null ? rs.lvsMethod() : vs.lvsMethod();
            if (family.isPresent() && rs.ip().family() != family.get() && method != LvsMethod.TUN) {
                diagnostics.error(rs.position(), where + "real_server " + rs.ip() + " is " + rs.ip().family().label()
                        + " but the virtual server is " + family.get().label(), "only tunnelled real servers may differ");
            }
            if (rs.uthreshold() != null && rs.lthreshold() != null && rs.lthreshold() > rs.uthreshold()) {
                diagnostics.error(rs.position(), where + "real_server " + rs.ip() + ": lthreshold is above uthreshold", "");
            }
        }
    }

    private static Optional<AddressFamily> family(VirtualServer vs) {
        return Optional.ofNullable(vs.ip()).map(ip -> ip.family());
    }
}
