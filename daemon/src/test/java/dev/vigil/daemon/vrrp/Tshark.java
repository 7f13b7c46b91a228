package dev.vigil.daemon.vrrp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a VRRP capture with tshark. Its VRRP dissector verifies every checksum (status 1 is good);
 * the v3 checksum is checked with the IPv4/IPv6 pseudo-header of RFC 5798 5.2.8, as set explicitly.
 */
final class Tshark {
    private static final Path BINARY = Path.of("/usr/bin/tshark");

    /** One decoded VRRP packet: source address, version, priority and tshark's checksum status. */
    record Packet(String source, int version, int priority, String checksumStatus) {
    }

    private Tshark() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The VRRP packets of {@code pcap}. */
    static List<Packet> packets(Path pcap) {
        List<Packet> out = new ArrayList<>();
        for (String line : run(pcap, "-Y", "vrrp", "-T", "fields", "-E", "separator=|", "-e", "ip.src", "-e", "ipv6.src",
                "-e", "vrrp.version", "-e", "vrrp.prio", "-e", "vrrp.checksum.status").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            out.add(new Packet(f[0].isEmpty() ? f[1] : f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]));
        }
        return out;
    }

    /** tshark's expert information summary ({@code -z expert}) of {@code pcap}. */
    static String expert(Path pcap) {
        return run(pcap, "-q", "-z", "expert");
    }

    private static String run(Path pcap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-n", "-r", pcap.toString(), "-o",
                "vrrp.v3_checksum_as_in_v2:FALSE"));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("tshark", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("tshark timed out: " + cmd);
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("tshark exited " + p.exitValue() + ": " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("tshark: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
