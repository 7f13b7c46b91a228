package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Test resources of this package: rules files and ipvsadm's recorded outputs. */
final class Resources {
    /** The recorded scenarios: NAME.rules, NAME.saved ({@code ipvsadm -Sn}), NAME.nosort ({@code -Ln --nosort}). */
    static final List<String> SCENARIOS = List.of("schedulers", "order", "persistence", "flags", "dests",
            "longopts", "edits", "clear", "empty", "fwmarks");

    private Resources() {
    }

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How {@code ipvsadm -Ln} names a service: {@code TCP 10.0.0.1:80}, {@code FWM -1 IPv6}. */
    static String listName(ServiceKey k) {
        if (k instanceof ServiceKey.Fwmark f) {
            return "FWM " + f.mark() + (f.family() == IpFamily.V6 ? " IPv6" : "");
        }
        ServiceKey.Inet i = (ServiceKey.Inet) k;
        return i.protocol() + " " + IpAddresses.withPort(i.address(), i.port());
    }

    /** {@code services} ordered as the kernel dumped them, according to a recorded {@code ipvsadm -Ln --nosort}. */
    static List<Service> inKernelOrder(List<Service> services, String nosortListing) {
        List<String> order = new ArrayList<>();
        for (String line : nosortListing.split("\n")) {
            if (line.matches("^(TCP|UDP|SCTP|FWM) .*")) {
                String[] f = line.split("\\s+");
                order.add(f[0] + " " + f[1] + (f.length > 2 && f[2].equals("IPv6") ? " IPv6" : ""));
            }
        }
        List<Service> out = new ArrayList<>(services);
        out.sort(Comparator.comparingInt(s -> {
            int i = order.indexOf(listName(s.key()));
            if (i < 0) {
                throw new IllegalStateException(listName(s.key()) + " not in " + order);
            }
            return i;
        }));
        return out;
    }
}
