package dev.vigil.daemon.lab;

import dev.vigil.daemon.runtime.PidFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil run} as a process in a namespace: pid file, status over the control socket, a
 * refused reload that leaves it running, a SIGHUP reload, HTTP metrics, and SIGTERM exiting 0;
 * {@code disable_local_igmp} holding the namespace's sysctl while it runs.
 */
class RunCommandIT {
    private static final String VALID = "global_defs:\n  router_id: node1\n";

    @Test
    void runsReloadsAndStops() throws IOException {
        try (NetLab lab = LabAssumptions.netLab("vgr")) {
            lab.addNode("n", "10.78.0.1/24", null);
            Path config = Files.writeString(lab.dir().resolve("vigil.yaml"), VALID);
            VigilProcess vigil = VigilProcess.start(lab, "n", "v1", config, "--http", "127.0.0.1:9177");

            Wait.until("pid file names the daemon (log " + vigil.logFile() + ")", Duration.ofSeconds(60),
                    () -> PidFile.read(vigil.pidFile()).orElse(-1) == vigil.pid() && Files.exists(vigil.socket()));
            // The control socket answers while the daemon still starts its subsystems.
            Wait.until("running (log " + vigil.logFile() + ")", Duration.ofSeconds(60),
                    () -> vigil.cli("status", "--json").out().contains("\"state\" : \"running\""));
            ExecResult status = vigil.cli("status", "--json");
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).contains("\"pid\" : " + vigil.pid()).contains("\"state\" : \"running\"");

            Files.writeString(config, VALID + "  smtp_port: 0\n");
            ExecResult reload = vigil.cli("reload");
            assertThat(reload.exit()).as(reload.out() + reload.err()).isEqualTo(1);
            assertThat(reload.err()).contains(config + ":3:14: ").contains("refused");
            assertThat(vigil.alive()).isTrue();
            assertThat(vigil.cli("status").out()).contains("reloads: 0 applied, 1 refused");

            Files.writeString(config, VALID.replace("node1", "node2"));
            vigil.hangUp();
            Wait.until("SIGHUP reload applied", Duration.ofSeconds(30),
                    () -> vigil.cli("status").out().contains("reloads: 1 applied, 1 refused"));
            String metrics = lab.exec(lab.node("n").ns(), "curl", "-sf", "http://127.0.0.1:9177/metrics");
            assertThat(metrics).contains("vigil_up 1\n").contains("vigil_reloads_total{result=\"applied\"} 1\n");

            vigil.terminate();
            assertThat(vigil.waitFor(Duration.ofSeconds(30))).as(vigil.log()).isZero();
            assertThat(vigil.pidFile()).doesNotExist();
            assertThat(vigil.socket()).doesNotExist();
            assertThat(vigil.cli("status").exit()).isEqualTo(2);
        }
    }

    @Test
    void aSecondDaemonOnTheSamePidFileIsRefused() throws IOException {
        try (NetLab lab = LabAssumptions.netLab("vgr")) {
            lab.addNode("n", "10.78.0.1/24", null);
            Path config = Files.writeString(lab.dir().resolve("vigil.yaml"), VALID);
            VigilProcess first = VigilProcess.start(lab, "n", "v1", config);
            Wait.until("first daemon up (log " + first.logFile() + ")", Duration.ofSeconds(60),
                    () -> PidFile.read(first.pidFile()).orElse(-1) == first.pid());
            ExecResult second = lab.run(lab.node("n").ns(), VigilProcess.java("run", "-f", config.toString(),
                    "--control-socket", lab.dir().resolve("v2.sock").toString(),
                    "--pid-file", first.pidFile().toString()).toArray(String[]::new));
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.err()).contains("vigil run: pid file " + first.pidFile() + " is held by running process "
                    + first.pid());
            assertThat(first.alive()).isTrue();
        }
    }

    @Test
    void disableLocalIgmpHoldsTheSysctlWhileRunningAndGivesItBack() throws IOException {
        String igmp = "net.ipv4.igmp_link_local_mcast_reports";
        try (NetLab lab = LabAssumptions.netLab("vgr")) {
            lab.addNode("n", "10.78.0.1/24", null);
            String ns = lab.node("n").ns();
            assertThat(lab.exec(ns, "sysctl", "-n", igmp).trim()).isEqualTo("1");
            String on = VALID + "  disable_local_igmp: true\n";
            Path config = Files.writeString(lab.dir().resolve("vigil.yaml"), on);
            VigilProcess vigil = VigilProcess.start(lab, "n", "v1", config);
            Wait.until("daemon up (log " + vigil.logFile() + ")", Duration.ofSeconds(60),
                    () -> PidFile.read(vigil.pidFile()).orElse(-1) == vigil.pid() && Files.exists(vigil.socket()));
            Wait.until("running (log " + vigil.logFile() + ")", Duration.ofSeconds(60),
                    () -> vigil.cli("status", "--json").out().contains("\"state\" : \"running\""));
            assertThat(lab.exec(ns, "sysctl", "-n", igmp).trim()).as(vigil.log()).isEqualTo("0");

            Files.writeString(config, VALID);
            ExecResult reload = vigil.cli("reload");
            assertThat(reload.exit()).as(reload.out() + reload.err()).isZero();
            Wait.until(igmp + " given back by the reload (log " + vigil.logFile() + ")", Duration.ofSeconds(10),
                    () -> lab.exec(ns, "sysctl", "-n", igmp).trim().equals("1"));

            Files.writeString(config, on);
            reload = vigil.cli("reload");
            assertThat(reload.exit()).as(reload.out() + reload.err()).isZero();
            Wait.until(igmp + " set again by the reload (log " + vigil.logFile() + ")", Duration.ofSeconds(10),
                    () -> lab.exec(ns, "sysctl", "-n", igmp).trim().equals("0"));

            vigil.terminate();
            assertThat(vigil.waitFor(Duration.ofSeconds(30))).as(vigil.log()).isZero();
            assertThat(lab.exec(ns, "sysctl", "-n", igmp).trim()).isEqualTo("1");
        }
    }

    /**
     * keepalived 2.2.7 handles disable_local_igmp the same way: 0 while its VRRP process runs, the
     * previous value back once it stops (checked here so the behaviour above stays keepalived's).
     */
    @Test
    void keepalivedHoldsAndGivesBackTheSameSysctl() {
        LabAssumptions.assumeKeepalived();
        String igmp = "net.ipv4.igmp_link_local_mcast_reports";
        try (NetLab lab = LabAssumptions.netLab("vgk")) {
            lab.addNode("n", "10.78.1.1/24", null);
            String ns = lab.node("n").ns();
            assertThat(lab.exec(ns, "sysctl", "-n", igmp).trim()).isEqualTo("1");
            KeepalivedProcess ka = KeepalivedProcess.start(lab, "n", "k1", """
                    global_defs {
                        router_id node1
                        disable_local_igmp
                    }
                    vrrp_instance VI_1 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 51
                        priority 100
                        advert_int 1
                        virtual_ipaddress {
                            10.78.1.100/24
                        }
                    }
                    """);
            Wait.until(igmp + " set by keepalived (log " + ka.logFile() + ")", Duration.ofSeconds(30),
                    () -> lab.exec(ns, "sysctl", "-n", igmp).trim().equals("0"));
            ka.terminate();
            assertThat(ka.waitFor(Duration.ofSeconds(30))).as(ka.log()).isZero();
            assertThat(lab.exec(ns, "sysctl", "-n", igmp).trim()).as(ka.log()).isEqualTo("1");
        }
    }
}
