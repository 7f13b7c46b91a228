package dev.vigil.lvs.check;

import dev.vigil.plugin.Section;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured check of one real server: the checker's own section (its type and keys, the
 * shared keys removed), the timers, and where to connect.
 *
 * @param section    the checker's section as the plugin reads it
 * @param address    the real server, or {@code connect_ip} / {@code connect_port}
 * @param bindTo     {@code bindto} / {@code bind_port}, or empty
 * @param fwmark     {@code fwmark} for the check's packets, 0 for none
 * @param realServer the real server's name for logs ({@code 10.0.0.2:80})
 */
public record CheckPlan(Section section, CheckTiming timing, InetSocketAddress address,
                        Optional<InetSocketAddress> bindTo, int fwmark, String realServer) {
    public CheckPlan {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(realServer, "realServer");
    }

    /** The checker type, {@code TCP_CHECK}. */
    public String type() {
        return section.type();
    }
}
