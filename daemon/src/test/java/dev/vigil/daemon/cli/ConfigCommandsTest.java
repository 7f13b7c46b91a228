package dev.vigil.daemon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** check-config and import-keepalived: output streams and exit statuses. */
class ConfigCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = VigilCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void checkConfigAcceptsAValidKeepalivedConf() throws IOException {
        Path f = file("keepalived.conf", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 5\n"
                + " virtual_ipaddress {\n  192.0.2.1/24\n }\n}\n");
        assertThat(run("check-config", "-f", f.toString())).isZero();
        assertThat(out.toString()).contains("valid keepalived configuration");
    }

    @Test
    void checkConfigPrintsEveryError() throws IOException {
        Path f = file("bad.yaml", "vrrp_instance:\n  VI_1:\n    interface: eth0\n    virtual_router_id: 0\n    priorty: 5\n");
        assertThat(run("check-config", "-f", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(f + ":4:24: vrrp_instance VI_1.virtual_router_id 0 is out of range 1..255")
                .contains(f + ":5:5: unknown key 'priorty' in vrrp_instance VI_1; did you mean 'priority'?")
                .contains("2 errors");
    }

    @Test
    void importIsExactWhenEverythingConverts() throws IOException {
        Path f = file("keepalived.conf", "# the web address\nvrrp_instance VI_1 {\n interface eth0\n virtual_router_id 5\n"
                + " virtual_ipaddress {\n  192.0.2.1/24 label eth0:1\n }\n}\n");
        assertThat(run("import-keepalived", f.toString())).isZero();
        assertThat(out.toString()).contains("  # the web address\n  VI_1:\n").contains("label: eth0:1");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void importExitsTwoWhenSomethingIsUnsupported() throws IOException {
        Path f = file("keepalived.conf", "bfd_instance b {\n}\nvrrp_instance VI_1 {\n interface eth0\n virtual_router_id 5\n}\n");
        assertThat(run("import-keepalived", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(f + ":1:1: unsupported: 'bfd_instance'");
        assertThat(out.toString()).contains("VI_1:");
    }

    @Test
    void importExitsOneOnErrors() throws IOException {
        Path f = file("keepalived.conf", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 500\n}\n");
        assertThat(run("import-keepalived", f.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void importNamesAnUnknownCheckerTypeAndThePluginsDirectory() throws IOException {
        Path f = file("k.conf", """
                virtual_server 192.0.2.1 6379 {
                  real_server 10.0.0.2 6379 {
                    REDIS_ROLE {
                      role master
                    }
                  }
                }
                """);
        Path empty = Files.createDirectories(dir.resolve("plugins"));
        assertThat(run("import-keepalived", "--plugins-dir", empty.toString(), f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("k.conf:3:").contains("'REDIS_ROLE'")
                .contains("no loaded plugin provides it").contains("--plugins-dir");
        assertThat(out.toString()).doesNotContain("REDIS_ROLE");
    }

    @Test
    void importRefusesAMissingPluginsDirectory() throws IOException {
        Path f = file("k.conf", "virtual_server 192.0.2.1 80 {\n}\n");
        assertThat(run("import-keepalived", "--plugins-dir", dir.resolve("nope").toString(), f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not a directory");
    }
}
