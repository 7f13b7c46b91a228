package dev.vigil.kernel.testing;

import dev.vigil.kernel.KernelBridge;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.netns.NetNamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A network namespace with its own IPVS table for integration tests: a dummy interface with
 * 10.9.0.1/24 and 2001:db8::1/64 (IPVS wants a route before it takes services), a
 * {@link NetlinkIpvs} opened inside it and {@code ipvsadm} run inside it. The table is flushed on
 * creation and on {@link #close()}; the namespace is then deleted.
 *
 * <p>Without IPVS the calling test is skipped with the reason, except when the environment
 * variable {@code IPVS_VM} is set (the IPVS VM): then it fails.
 */
public final class IpvsTestNet implements AutoCloseable {
    /** The interface created in the namespace. */
    public static final String IFACE = "dummy0";

    private final TestNet net;
    private final String ns;
    private final NetlinkIpvs ipvs;

    private IpvsTestNet(TestNet net, String ns, NetlinkIpvs ipvs) {
        this.net = net;
        this.ns = ns;
        this.ipvs = ipvs;
    }

    /** Skips (or, under IPVS_VM, fails) unless IPVS, root, ip and ipvsadm are all here. */
    public static void requireIpvs() {
        Throwable cause = KernelBridge.isAvailable() ? NetlinkIpvs.unavailabilityCause()
                : KernelBridge.unavailabilityCause();
        String why = cause != null ? cause.getMessage()
                : !"root".equals(System.getProperty("user.name")) ? "IPVS tests need root"
                : !Files.isExecutable(Path.of("/usr/sbin/ipvsadm")) && !Files.isExecutable(Path.of("/sbin/ipvsadm"))
                ? "ipvsadm is not installed" : null;
        if (why != null && System.getenv("IPVS_VM") != null) {
            fail("IPVS_VM is set but IPVS cannot be tested: " + why, cause);
        }
        assumeTrue(why == null, "skipped: " + why);
    }

    /** Creates the namespace for test tag {@code tag} (short, [a-z0-9]). */
    public static IpvsTestNet create(String tag) {
        requireIpvs();
        TestNet.run(List.of("modprobe", "ip_vs_pe_sip"), false);
        TestNet net = TestNet.create(tag);
        try {
            String ns = net.ns("lb");
            net.exec(ns, "ip", "link", "add", IFACE, "type", "dummy");
            net.exec(ns, "ip", "addr", "add", "10.9.0.1/24", "dev", IFACE);
            net.exec(ns, "ip", "-6", "addr", "add", "2001:db8::1/64", "dev", IFACE, "nodad");
            net.exec(ns, "ip", "link", "set", IFACE, "up");
            NetlinkIpvs ipvs = NetNamespace.named(ns).call(NetlinkIpvs::open);
            ipvs.flush();
            return new IpvsTestNet(net, ns, ipvs);
        } catch (Exception e) {
            net.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The IPVS table of the namespace (its socket lives there). */
    public NetlinkIpvs ipvs() {
        return ipvs;
    }

    public String namespace() {
        return ns;
    }

    /**
     * Stops every sync daemon. A stop whose reply does not come (seen once under QEMU's software
     * emulation) is retried after listing again.
     */
    public void stopDaemons() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                for (SyncDaemon d : ipvs.listDaemons()) {
                    ipvs.stopDaemon(d.state());
                }
                return;
            } catch (KernelException e) {
                if (e.errno() != Errno.ETIMEDOUT && e.errno() != Errno.ESRCH) {
                    throw e;
                }
            }
        }
    }

    /** Runs a command in the namespace; fails on a non-zero exit; returns its output. */
    public String exec(String... cmd) {
        return net.exec(ns, cmd);
    }

    /** Starts a background command in the namespace; the caller destroys it. */
    public Process start(String... cmd) {
        return net.start(ns, cmd);
    }

    /** Runs ipvsadm in the namespace; fails on a non-zero exit; returns its output. */
    public String ipvsadm(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ipvsadm"));
        cmd.addAll(List.of(args));
        return net.exec(ns, cmd.toArray(String[]::new));
    }

    /** ipvsadm's exit status and output (stdout then stderr). */
    public record Run(int exit, String output) {
    }

    /** Runs ipvsadm in the namespace with {@code stdin} as input, whatever its exit status. */
    public Run ipvsadmWithInput(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "ipvsadm"));
        cmd.addAll(List.of(args));
        try {
            Path in = Files.createTempFile("ipvsadm-in", ".txt");
            try {
                Files.writeString(in, stdin);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectInput(in.toFile()).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(600, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + cmd);
                }
                return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            ipvs.flush();
        } finally {
            ipvs.close();
            net.close();
        }
    }
}
