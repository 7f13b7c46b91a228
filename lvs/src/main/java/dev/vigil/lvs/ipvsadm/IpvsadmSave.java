package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.Protocol;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.TunnelType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an IPVS table exactly as {@code ipvsadm -Sn} (ipvsadm 1.31) does: the same lines, option
 * order, number formats and sort order (see {@link IpvsadmOrder}).
 */
public final class IpvsadmSave {
    private IpvsadmSave() {
    }

    /** Output is written in parts of about this many characters. */
    private static final int PART = 64 << 10;

    /** Saves {@code table}: lists it and formats it. */
    public static String save(IpvsTable table) {
        return format(table.listServices(), table::listDestinationsWithoutStats);
    }

    /**
     * Saves {@code table} to {@code out} (UTF-8) as it is listed, a part at a time: a table of
     * 100,000 real servers is never held as one string.
     */
    public static void save(IpvsTable table, OutputStream out) throws IOException {
        StringBuilder part = new StringBuilder(PART + 4096);
        for (Service s : IpvsadmOrder.sortServices(table.listServices())) {
            appendService(part, s, table.listDestinationsWithoutStats(s.key()));
            if (part.length() >= PART) {
                out.write(part.toString().getBytes(StandardCharsets.UTF_8));
                part.setLength(0);
            }
        }
        out.write(part.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Formats services (in the kernel's dump order, which matters for ipvsadm's sort) with their
     * destinations (also in kernel order).
     */
    public static String format(List<Service> services, Function<ServiceKey, List<Destination>> destinations) {
        StringBuilder out = new StringBuilder(services.size() * 512);
        for (Service s : IpvsadmOrder.sortServices(services)) {
            appendService(out, s, destinations.apply(s.key()));
        }
        return out.toString();
    }

    /** Appends the lines of service {@code s} and its destinations (in kernel order) to {@code out}. */
    private static void appendService(StringBuilder out, Service s, List<Destination> destinations) {
        out.append(serviceLine(s)).append('\n');
        String svc = serviceArgs(s.key());
        for (Destination d : IpvsadmOrder.sortDestinations(destinations)) {
            appendDestinationLine(out, svc, d).append('\n');
        }
    }

    /** {@code -t 10.0.0.1:80}, {@code -u [2001:db8::1]:53}, {@code --sctp-service ...}, {@code -f 7 -6}. */
    static String serviceArgs(ServiceKey key) {
        if (key instanceof ServiceKey.Fwmark f) {
            return "-f " + f.mark() + (f.family() == IpFamily.V6 ? " -6" : "");
        }
        ServiceKey.Inet k = (ServiceKey.Inet) key;
        String proto = k.protocol() == Protocol.TCP ? "-t" : k.protocol() == Protocol.UDP ? "-u" : "--sctp-service";
        return proto + " " + IpAddresses.withPort(k.address(), k.port());
    }

    static String serviceLine(Service s) {
        StringBuilder b = new StringBuilder("-A ").append(serviceArgs(s.key())).append(" -s ").append(s.scheduler());
        if (s.persistent()) {
            b.append(" -p ").append(Integer.toUnsignedString(s.timeout()));
            if (s.family() == IpFamily.V4 && s.netmask() != 0xffffffff) {
                b.append(" -M ").append(IpAddresses.v4Mask(s.netmask()));
            } else if (s.family() == IpFamily.V6 && s.netmask() != 128) {
                b.append(" -M ").append(s.netmask());
            }
        }
        if (s.peName() != null) {
            b.append(" --pe ").append(s.peName());
        }
        if (s.has(ServiceFlag.ONEPACKET)) {
            b.append(" -o");
        }
        if (s.has(ServiceFlag.SCHED1) || s.has(ServiceFlag.SCHED2) || s.has(ServiceFlag.SCHED3)) {
            b.append(" -b ").append(String.join(",", schedFlagNames(s)));
        }
        return b.toString();
    }

    /** ipvsadm names scheduler flags per scheduler; sh and mh have no name for flag 3. */
    static List<String> schedFlagNames(Service s) {
        List<String> names = new ArrayList<>();
        String sched = s.scheduler();
        boolean hashing = sched.equals("sh") || sched.equals("mh");
        if (s.has(ServiceFlag.SCHED1)) {
            names.add(hashing ? sched + "-fallback" : "flag-1");
        }
        if (s.has(ServiceFlag.SCHED2)) {
            names.add(hashing ? sched + "-port" : "flag-2");
        }
        if (s.has(ServiceFlag.SCHED3) && !hashing) {
            names.add("flag-3");
        }
        return names;
    }

    static String destinationLine(String serviceArgs, Destination d) {
        return appendDestinationLine(new StringBuilder(), serviceArgs, d).toString();
    }

    /** Appends a destination's line (without its newline) to {@code b}. */
    static StringBuilder appendDestinationLine(StringBuilder b, String serviceArgs, Destination d) {
        b.append("-a ").append(serviceArgs).append(" -r ");
        IpAddresses.appendWithPort(b, d.address(), d.port()).append(' ').append(forwardSwitch(d.forward()))
                .append(" -w ").append(d.weight());
        if (d.forward() == ForwardMethod.TUNNEL) {
            b.append(" --tun-type ").append(d.tunnelType().label());
            if (d.tunnelType() == TunnelType.GUE) {
                b.append(" --tun-port ").append(d.tunnelPort());
            }
            if (d.tunnelType() != TunnelType.IPIP) {
                b.append(' ').append(checksumOption(d.tunnelFlags()));
            }
        }
        return b;
    }

    private static String checksumOption(int flags) {
        if ((flags & IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM) != 0) {
            return "--tun-csum";
        }
        return (flags & IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM) != 0 ? "--tun-remcsum" : "--tun-nocsum";
    }

    /**
     * ipvsadm's switch for a forwarding method: local node is written as {@code -g}, and bypass
     * (which no ipvsadm option sets) as the {@code (null)} that ipvsadm 1.31 prints for it.
     */
    static String forwardSwitch(ForwardMethod m) {
        return switch (m) {
            case NAT -> "-m";
            case TUNNEL -> "-i";
            case DIRECT_ROUTE, LOCAL -> "-g";
            case BYPASS -> "(null)";
        };
    }
}
