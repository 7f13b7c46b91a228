package dev.vigil.daemon.cli;

import dev.vigil.daemon.control.ControlServer;
import dev.vigil.daemon.control.ControlTarget;
import dev.vigil.daemon.runtime.ConfigCheck;
import dev.vigil.daemon.runtime.InterfaceCheck;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.service.HostChecks;
import dev.vigil.daemon.service.SubsystemFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** run's start-up refusals, and status/reload against a control socket served by a fake daemon. */
class DaemonCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(HostChecks host, String... args) {
        CommandLine cl = VigilCommand.commandLine(SubsystemFactory.NONE, host);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static HostChecks host(List<String> missing, ConfigCheck check) {
        return new HostChecks(() -> missing, check);
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("vigil.yaml"), text);
    }

    private String[] runArgs(Path f) {
        return new String[] {"run", "-f", f.toString(), "--control-socket", dir.resolve("s").toString(),
                "--pid-file", dir.resolve("p").toString()};
    }

    @Test
    void helpListsTheDaemonCommandsAndRunDefaults() {
        assertThat(run(HostChecks.system(), "--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^  run ").containsPattern("(?m)^  status ")
                .containsPattern("(?m)^  reload ");
        assertThat(run(HostChecks.system(), "run", "--help")).isZero();
        assertThat(out.toString()).contains("Control socket (default: /run/vigil/vigil.sock)")
                .contains("Pid file (default: /run/vigil/vigil.pid)").contains("SIGHUP or vigil reload reloads").contains("--config-id=ID");
    }

    @Test
    void runRefusesAnInvalidFileWithEveryDiagnostic() throws IOException {
        Path f = file("vrrp_instance:\n  VI_1:\n    interface: eth0\n    virtual_router_id: 0\n    priorty: 5\n");
        assertThat(run(host(List.of(), ConfigCheck.NONE), runArgs(f))).isEqualTo(1);
        assertThat(err.toString()).contains(f + ":4:24: ").contains(f + ":5:5: ")
                .contains("vigil run: " + f + ": 2 errors");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void runNamesTheMissingCapabilities() throws IOException {
        Path f = file("global_defs:\n  router_id: a\n");
        assertThat(run(host(List.of("CAP_NET_RAW"), ConfigCheck.NONE), runArgs(f))).isEqualTo(1);
        assertThat(err.toString()).startsWith("vigil run: missing CAP_NET_RAW (run as root");
    }

    @Test
    void runNamesAMissingInterface() throws IOException {
        Path f = file("vrrp_instance:\n  VI_1:\n    interface: eth9\n    virtual_router_id: 5\n"
                + "    virtual_ipaddress:\n      - 192.0.2.1/24\n");
        assertThat(run(host(List.of(), new InterfaceCheck(n -> false)), runArgs(f))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("vigil run: vrrp_instance VI_1 (" + f + ":3): interface eth9 does not exist\n");
    }

    @Test
    void runComparesKeepalivedConditionalLinesWithTheConfigId() throws IOException {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), """
                @node2 vrrp_instance VI_2 {
                @node2     interface eth7
                @node2     virtual_router_id 7
                @node2     virtual_ipaddress {
                @node2         192.0.2.7/24
                @node2     }
                @node2 }
                """);
        assertThat(run(host(List.of(), new InterfaceCheck(n -> false)), concat(runArgs(f), "-i", "node2"))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("vigil run: vrrp_instance VI_2 (" + f + ":1): interface eth7 does not exist\n");
    }

    @Test
    void runRefusesABadHttpAddressAndLogLevel() throws IOException {
        Path f = file("global_defs:\n  router_id: a\n");
        String[] args = runArgs(f);
        HostChecks ok = host(List.of(), ConfigCheck.NONE);
        assertThat(run(ok, concat(args, "--http", "localhost"))).isEqualTo(2);
        assertThat(err.toString()).contains("--http: expected ADDR:PORT, got 'localhost'");
        assertThat(run(ok, concat(args, "--log-level", "LOUD"))).isEqualTo(2);
        assertThat(err.toString()).contains("--log-level: 'LOUD' is not one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void statusAndReloadSayWhenTheDaemonIsUnreachable() {
        String sock = dir.resolve("nothing.sock").toString();
        assertThat(run(HostChecks.system(), "status", "--control-socket", sock)).isEqualTo(2);
        assertThat(run(HostChecks.system(), "reload", "--control-socket", sock)).isEqualTo(2);
        assertThat(err.toString()).contains("vigil status: cannot reach the daemon at " + sock)
                .contains("vigil reload: cannot reach the daemon at " + sock).contains("is 'vigil run' running?");
    }

    @Test
    void statusPrintsTheTableOrJsonAndReloadReportsTheOutcome() {
        Path sock = dir.resolve("vigil.sock");
        ReloadOutcome[] next = {ReloadOutcome.applied(List.of("vrrp: VI_1 priority 100 -> 150"))};
        ControlTarget target = new ControlTarget() {
            @Override
            public Map<String, Object> status() {
                return Map.of("subsystems", Map.of("vrrp", Map.of("instances",
                        List.of(Map.of("instance", "VI_1", "state", "MASTER")))));
            }

            @Override
            public ReloadOutcome reload() {
                return next[0];
            }

            @Override
            public void requestStop() {
            }
        };
        try (ControlServer server = ControlServer.start(sock, target)) {
            HostChecks h = HostChecks.system();
            assertThat(run(h, "status", "--control-socket", sock.toString())).isZero();
            assertThat(out.toString()).contains("vrrp\n  INSTANCE  STATE\n  VI_1      MASTER\n");
            assertThat(run(h, "status", "--json", "--control-socket", sock.toString())).isZero();
            assertThat(out.toString()).contains("\"instance\" : \"VI_1\"");
            assertThat(run(h, "reload", "--control-socket", sock.toString())).isZero();
            assertThat(out.toString()).contains("vrrp: VI_1 priority 100 -> 150\n");
            next[0] = ReloadOutcome.refused(List.of("/etc/v.yaml:4:24: out of range"));
            assertThat(run(h, "reload", "--control-socket", sock.toString())).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("/etc/v.yaml:4:24: out of range\n"
                    + "vigil reload: refused; the daemon keeps its current configuration\n");
        }
    }
}
