package dev.vigil.daemon.lab;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tcpdump} of the VRRP adverts one router sends, seen from another lab node, so a test can
 * measure the longest silence between two adverts and see every priority advertised.
 */
public final class AdvertCapture extends LabProcess {
    private static final Pattern ADVERT = Pattern.compile("^(\\d+)\\.(\\d{6}) IP .*vrid (\\d+), prio (\\d+),");

    private final int vrid;

    /** One advert: when it was seen (microseconds since the epoch) and the priority it carried. */
    public record Advert(long micros, int priority) {
    }

    private AdvertCapture(String label, List<String> command, java.nio.file.Path log, int vrid) {
        super(label, command, log);
        this.vrid = vrid;
    }

    /** True when tcpdump is installed. */
    public static boolean installed() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/tcpdump"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/tcpdump"));
    }

    /** Starts capturing, on {@code eth0} of {@code node}, the adverts for {@code vrid} sent from {@code source}. */
    public static AdvertCapture start(NetLab lab, String node, String source, int vrid) {
        List<String> cmd = NetLab.inNs(lab.node(node).ns(), "tcpdump", "-i", "eth0", "-n", "-l", "-tt",
                "--immediate-mode", "ip proto 112 and src host " + source);
        return lab.own(new AdvertCapture("tcpdump " + node, cmd,
                lab.dir().resolve(node + ".vrid" + vrid + ".adverts"), vrid));
    }

    /** The adverts captured so far, oldest first. */
    public List<Advert> adverts() {
        String log = log();
        // Only whole lines: tcpdump may be writing the last one.
        String whole = log.substring(0, log.lastIndexOf('\n') + 1);
        return whole.lines().map(ADVERT::matcher).filter(Matcher::find)
                .filter(m -> Integer.parseInt(m.group(3)) == vrid)
                .map(m -> new Advert(Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)),
                        Integer.parseInt(m.group(4))))
                .toList();
    }

    /** The longest time between two consecutive adverts, from the {@code from}th advert on. */
    public Duration longestGap(int from) {
        return longestGap(adverts(), from);
    }

    /** The longest time between two consecutive adverts of {@code a}, from the {@code from}th advert on. */
    public static Duration longestGap(List<Advert> a, int from) {
        long most = 0;
        for (int i = Math.max(from, 0) + 1; i < a.size(); i++) {
            most = Math.max(most, a.get(i).micros() - a.get(i - 1).micros());
        }
        return Duration.ofNanos(most * 1000);
    }
}
