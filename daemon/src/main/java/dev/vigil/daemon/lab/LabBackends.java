package dev.vigil.daemon.lab;

import dev.vigil.kernel.netns.NetNamespace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The interactive lab's three web backends ({@code web1..3}, each a web server answering with its name),
 * set up for LVS-DR (the VIP on their loopback, ARP for it neither answered nor announced), which
 * the user can kill and revive; and the lab's own view of them: an HTTP GET from the client node
 * to each backend's address, independent of Vigil's checkers.
 */
public final class LabBackends implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /**
     * python3 when the host has it: the same server as {@link LabHttpServer} (every GET answered
     * with the backend's name, "serving" printed once it listens) without a JVM per backend, which
     * matters on slow (emulated) machines; without python3 the backends run {@link LabHttpServer}.
     */
    private static final Optional<Path> PYTHON = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
            .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "python3")).filter(Files::isExecutable).findFirst();
    /** The python web server's source (argv: NAME ADDRESS PORT). */
    private static final String SERVER_RESOURCE = "backend.py";

    private final NetLab lab;
    private final List<String> names = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<LabProcess> servers = new ArrayList<>();
    private final int[] starts;
    private final ExecutorService client;

    private LabBackends(NetLab lab, int n) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.starts = new int[n];
        this.client = Executors.newSingleThreadExecutor(NetNamespace.named(lab.node("client").ns()).threadFactory("lab-client"));
    }

    /** Adds {@code web1..webN} ({@code SUBNET.11..}) to {@code lab} and starts their web servers; the client node must exist. */
    public static LabBackends start(NetLab lab, int n) {
        LabBackends b = lab.own(new LabBackends(lab, n));
        for (int i = 0; i < n; i++) {
            String name = "web" + (i + 1);
            String address = LabConfigs.SUBNET + (11 + i);
            String ns = lab.addNode(name, address + "/24", null).ns();
            lab.exec(ns, "sysctl", "-qw", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2",
                    "net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_announce=2");
            lab.exec(ns, "ip", "addr", "add", LabConfigs.VIP + "/32", "dev", "lo");
            b.names.add(name);
            b.addresses.add(address);
            b.servers.add(null);
        }
        for (int i = 0; i < n; i++) {
            b.revive(i);
        }
        for (int i = 0; i < n; i++) {
            LabProcess web = b.servers.get(i);
            Wait.until("web server on " + b.names.get(i) + " (log " + web.logFile() + ")", Duration.ofSeconds(240),
                    () -> web.log().contains("serving"));
        }
        return b;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public List<String> addresses() {
        return List.copyOf(addresses);
    }

    /** Whether backend {@code i}'s web server process runs (the user has not killed it). */
    public boolean running(int i) {
        LabProcess p = servers.get(i);
        return p != null && p.alive();
    }

    /** Kills backend {@code i}'s web server (SIGKILL, by PID). */
    public void kill(int i) {
        LabProcess p = servers.get(i);
        if (p != null) {
            p.kill9();
        }
    }

    /**
     * The python3 web server the backends run (also used by the LVS tests): every GET answered
     * with the name given as its first argument, then the address and port to listen on.
     */
    public static String serverScript() {
        try (InputStream in = LabBackends.class.getResourceAsStream(SERVER_RESOURCE)) {
            return new String(Objects.requireNonNull(in, SERVER_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts backend {@code i}'s web server again (a no-op while it runs). */
    public void revive(int i) {
        if (running(i)) {
            return;
        }
        String name = names.get(i);
        String tag = name + (starts[i]++ == 0 ? "" : "-" + starts[i]);
        List<String> server = PYTHON.isPresent()
                ? List.of(PYTHON.get().toString(), "-c", serverScript(), name, "", Integer.toString(LabConfigs.HTTP_PORT))
                : VigilProcess.javaMain(LabHttpServer.class.getName(), Integer.toString(LabConfigs.HTTP_PORT), name);
        List<String> cmd = NetLab.inNs(lab.node(name).ns(), server.toArray(String[]::new));
        servers.set(i, lab.own(new LabProcess("web " + tag, cmd, lab.dir().resolve(tag + ".web.log"))));
    }

    /** Whether backend {@code i} answers a GET from the client within 500 ms. */
    public boolean answers(int i) {
        return name(addresses.get(i)).equals(names.get(i));
    }

    /** The name the web server at {@code address} answers a GET with, from the client node; "" when none answered. */
    public String name(String address) {
        try {
            return client.submit(() -> get(address)).get();
        } catch (Exception e) {
            return "";
        }
    }

    private static String get(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, LabConfigs.HTTP_PORT), (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + address + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!reply.startsWith("HTTP/1.") || !reply.contains(" 200 ")) {
                return "";
            }
            String[] lines = reply.strip().split("\r?\n");
            return lines[lines.length - 1].strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
