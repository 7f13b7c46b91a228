package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** A real server of a virtual server, with the checkers that decide whether it is up. */
public record RealServer(
        @Required @Doc(value = "Address.", keepalived = "real_server IP [PORT] { ... }") IpAddress ip,
        @Range(min = 0, max = 65535) @Doc("Port; the virtual server's when unset.") Integer port,
        @Default("1") @Range(min = 0, max = 2147483647) @Doc("IPVS weight.") int weight,
        @Doc("Forwarding method; the virtual server's when unset.") LvsMethod lvsMethod,
        @Doc("Set the weight to 0 instead of removing the server when it fails; the virtual server's when unset.")
        Boolean inhibitOnFailure,
        @Doc("Run when the server comes up.") String notifyUp,
        @Doc("Run when the server goes down.") String notifyDown,
        @Range(min = 0, max = 2147483647) @Doc("Upper connection threshold.") Integer uthreshold,
        @Range(min = 0, max = 2147483647) @Doc("Lower connection threshold.") Integer lthreshold,
        @Doc("Send e-mail alerts on changes.") Boolean smtpAlert,
        @Doc("Host header for HTTP_GET / SSL_GET.") String virtualhost,
        @Doc("Start down until a check succeeds; the virtual server's alpha when unset.") Boolean alpha,
        @Inline CheckSettings check,
        @Doc(value = "Health checks (sections with a type: TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, ...).",
                keepalived = "TCP_CHECK { ... }, HTTP_GET { ... }, ...") List<Section> checkers,
        SourcePosition position) {

    public RealServer {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(check, "check");
        checkers = List.copyOf(checkers);
    }
}
