package dev.vigil.daemon.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kernel.testing.TestNet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Network namespaces on one Linux bridge. Namespaces are {@code BASE-PID-RAND-NAME}: unique per lab;
 * namespaces of the same base left by processes that are gone are deleted at creation. A "switch"
 * namespace holds bridge {@code br0}; each node has a veth {@code eth0} whose peer is a bridge port.
 * {@link #close()} closes what the lab started (processes first), then deletes every namespace and
 * the lab directory (kept, with its logs, when the system property {@code netlab.keep} is true).
 */
public final class NetLab implements AutoCloseable {
    private static final Path NETNS_DIR = Path.of("/var/run/netns");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node: its namespace, its bridge port in the switch, and its addresses (or null). */
    public record Node(String name, String ns, String port, String ipv4, String ipv6) {
    }

    private final String prefix;
    private final String switchNs;
    private final Path dir;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    private NetLab(String base) throws IOException {
        this.prefix = base + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(0x10000), 36) + "-";
        removeStale(base);
        this.dir = Files.createTempDirectory(prefix);
        this.switchNs = addNamespace("sw");
        exec(switchNs, "ip", "link", "add", "br0", "type", "bridge");
        exec(switchNs, "ip", "link", "set", "br0", "up");
    }

    /** Skips the calling test with the reason unless this is root with iproute2. */
    public static void assumeCapable() {
        assumeTrue(TestNet.isRoot(), "skipped: network namespaces need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "skipped: iproute2 (ip) is not installed");
    }

    /** A lab whose namespaces start with {@code base} (short, [a-z0-9]); skips the test when it cannot run. */
    public static NetLab create(String base) {
        assumeCapable();
        try {
            return new NetLab(base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeStale(String base) {
        String[] names = NETNS_DIR.toFile().list();
        for (String n : names == null ? new String[0] : names) {
            if (!n.startsWith(base + "-")) {
                continue;
            }
            String[] parts = n.substring(base.length() + 1).split("-", 2);
            boolean alive;
            try {
                alive = ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
            } catch (NumberFormatException e) {
                continue;
            }
            if (!alive) {
                Commands.run(List.of("ip", "netns", "del", n));
            }
        }
    }

    private String addNamespace(String name) {
        String ns = prefix + name;
        Commands.check(List.of("ip", "netns", "add", ns));
        namespaces.add(ns);
        exec(ns, "ip", "link", "set", "lo", "up");
        return ns;
    }

    /** A directory for this lab's files (configurations, pid files, logs). */
    public Path dir() {
        return dir;
    }

    /** Closes {@code resource} in {@link #close()}, before the namespaces go; returns it. */
    public <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /**
     * Adds node {@code name} (short, [a-z0-9]) with {@code eth0} on the bridge, IPv6 DAD off.
     *
     * @param ipv4 address/prefix or null
     * @param ipv6 address/prefix or null
     */
    public Node addNode(String name, String ipv4, String ipv6) {
        String ns = addNamespace(name);
        exec(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        String port = "p" + nodes.size();
        Commands.check(List.of("ip", "-n", switchNs, "link", "add", port, "type", "veth", "peer", "name", "eth0",
                "netns", ns));
        exec(switchNs, "ip", "link", "set", port, "master", "br0", "up");
        exec(ns, "sysctl", "-qw", "net.ipv6.conf.eth0.accept_dad=0");
        if (ipv4 != null) {
            exec(ns, "ip", "addr", "add", ipv4, "dev", "eth0");
        }
        if (ipv6 != null) {
            exec(ns, "ip", "addr", "add", ipv6, "dev", "eth0", "nodad");
        }
        exec(ns, "ip", "link", "set", "eth0", "up");
        Node node = new Node(name, ns, port, ipv4, ipv6);
        nodes.put(name, node);
        return node;
    }

    /** The node added as {@code name}. */
    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name + " in this lab");
        }
        return n;
    }

    /** Runs {@code cmd} in namespace {@code ns} and returns its output; a non-zero exit throws. */
    public String exec(String ns, String... cmd) {
        return Commands.check(inNs(ns, cmd));
    }

    /** Runs {@code cmd} in namespace {@code ns}, whatever its exit status. */
    public ExecResult run(String ns, String... cmd) {
        return Commands.run(inNs(ns, cmd));
    }

    static List<String> inNs(String ns, String... cmd) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(cmd));
        return c;
    }

    /** The addresses on {@code dev} in {@code ns} as {@code address/prefix}, from {@code ip -j addr}. */
    public List<String> addresses(String ns, String dev) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode link : JSON.readTree(exec(ns, "ip", "-j", "addr", "show", "dev", dev))) {
                for (JsonNode a : link.path("addr_info")) {
                    out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("ip -j addr in " + ns + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The MAC address of {@code eth0} of {@code node}. */
    public String mac(String node) {
        try {
            JsonNode links = JSON.readTree(exec(node(node).ns(), "ip", "-j", "link", "show", "dev", "eth0"));
            return links.get(0).path("address").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the node's {@code eth0} down (its carrier as the node sees it). */
    public void linkDown(String node) {
        exec(node(node).ns(), "ip", "link", "set", "eth0", "down");
    }

    /** Brings the node's {@code eth0} back up. */
    public void linkUp(String node) {
        exec(node(node).ns(), "ip", "link", "set", "eth0", "up");
    }

    /**
     * Cuts the nodes off the bridge: their ports leave it but stay up, so the nodes keep their
     * carrier (a real partition, not a link failure) while no frame reaches or leaves them.
     */
    public void partition(String... names) {
        for (String n : names) {
            exec(switchNs, "ip", "link", "set", node(n).port(), "nomaster");
        }
    }

    /** Reconnects the nodes to the bridge. */
    public void heal(String... names) {
        for (String n : names) {
            exec(switchNs, "ip", "link", "set", node(n).port(), "master", "br0", "up");
        }
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                System.err.println("netlab: closing " + owned.get(i) + ": " + e);
            }
        }
        owned.clear();
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            Commands.run(List.of("ip", "netns", "del", namespaces.get(i)));
        }
        namespaces.clear();
        if (Boolean.getBoolean("netlab.keep")) {
            System.err.println("netlab: kept " + dir);
        } else {
            Commands.run(List.of("rm", "-rf", "--", dir.toString()));
        }
    }
}
