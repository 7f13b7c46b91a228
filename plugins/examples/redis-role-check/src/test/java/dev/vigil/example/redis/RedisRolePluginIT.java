package dev.vigil.example.redis;

import dev.vigil.daemon.cli.VigilCommand;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged plugin as an operator installs it: its zip copied into a plugins directory, loaded
 * by the daemon's {@link PluginHost}, and used by {@code vigil check-config --plugins-dir}. The
 * plugin's classes are not on this test's class path (failsafe is given no main classes), so
 * everything of REDIS_ROLE here comes from the zip. Needs no root; runs in verify, after package.
 */
class RedisRolePluginIT {
    @TempDir
    Path dir;
    Path plugins;

    @BeforeEach
    void install() throws IOException {
        Path zip = Path.of(System.getProperty("plugin.zip", "target/redis-role-check-0.1.0-SNAPSHOT.zip"));
        if (!Files.exists(zip)) {
            System.out.println("RedisRolePluginIT skipped: " + zip.toAbsolutePath() + " not built (run mvn verify)");
            assumeTrue(false, "plugin zip not built");
        }
        if (getClass().getClassLoader().getResource("dev/vigil/example/redis/RedisRoleFactory.class") != null) {
            System.out.println("RedisRolePluginIT skipped: the plugin's classes are on the test class path, so the zip"
                    + " would not be what is tested (run it with failsafe: mvn verify -Dit.test=RedisRolePluginIT)");
            assumeTrue(false, "plugin classes on the class path");
        }
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(zip, plugins.resolve(zip.getFileName()));
    }

    @Test
    void theHostLoadsTheZipAndItsCheckerJudgesARealConnection() throws Exception {
        try (PluginHost host = PluginHost.load(Optional.of(plugins));
             FakeRedis master = FakeRedis.start(FakeRedis.redis(FakeRedis.MASTER, "pw"))) {
            HealthCheckerFactory factory = host.checkers().get("REDIS_ROLE");
            assertThat(factory).as("REDIS_ROLE offered by the plugins directory").isNotNull();
            assertThat(factory.getClass().getClassLoader()).as("loaded from the zip")
                    .isNotSameAs(getClass().getClassLoader());
            try (HealthChecker up = factory.create(Section.of("REDIS_ROLE", Map.of("role", "master", "password", "pw")),
                    host.context("node1"));
                 HealthChecker down = factory.create(Section.of("REDIS_ROLE", Map.of("role", "slave", "password", "pw")),
                         host.context("node1"))) {
                CheckResult ok = TestContext.run(up, TestContext.target(master.port(), Duration.ofSeconds(3)));
                assertThat(ok.healthy()).as(ok.message()).isTrue();
                CheckResult wrong = TestContext.run(down, TestContext.target(master.port(), Duration.ofSeconds(3)));
                assertThat(wrong.message()).isEqualTo("role master, expected slave");
            }
        }
    }

    @Test
    void checkConfigAcceptsAKeepalivedConfUsingThePlugin() throws IOException {
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), keepalived("role master", "password s3cret"));
        Result r = checkConfig(conf);
        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out).contains("valid keepalived configuration");
    }

    @Test
    void checkConfigPointsAtATypoInAKeepalivedConf() throws IOException {
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), keepalived("rol master", "password s3cret"));
        Result r = checkConfig(conf);
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains(conf + ":6:7: unknown key 'rol' in REDIS_ROLE; did you mean 'role'?")
                .contains(conf + ":5:5: REDIS_ROLE needs 'role'");
    }

    @Test
    void checkConfigValidatesYamlSectionsOfThePlugin() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), yaml("role: replica"));
        Result ok = checkConfig(good);
        assertThat(ok.status).as(ok.err).isZero();
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml("role: primary"));
        Result r = checkConfig(bad);
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains(bad + ":11:13: role must be master or slave, not 'primary'");
    }

    @Test
    void withoutThePluginTheTypeIsUnknown() throws IOException {
        Path conf = Files.writeString(dir.resolve("v.yaml"), yaml("role: master"));
        Result r = checkConfig(conf, Files.createDirectories(dir.resolve("empty")));
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains(conf + ":10:13: unknown checker type 'REDIS_ROLE'");
    }

    private static String keepalived(String... checkerLines) {
        return "virtual_server 192.0.2.1 6379 {\n"
                + "  protocol TCP\n"
                + "  lvs_sched rr\n"
                + "  real_server 10.0.0.2 6379 {\n"
                + "    REDIS_ROLE {\n"
                + "      " + String.join("\n      ", checkerLines) + "\n"
                + "      connect_timeout 2\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private static String yaml(String roleLine) {
        return "virtual_server:\n"
                + "  - ip: 192.0.2.1\n"
                + "    port: 6379\n"
                + "    protocol: TCP\n"
                + "    lvs_sched: rr\n"
                + "    real_server:\n"
                + "      - ip: 10.0.0.2\n"
                + "        port: 6379\n"
                + "        checkers:\n"
                + "          - type: REDIS_ROLE\n"
                + "            " + roleLine + "\n"
                + "            connect_timeout: 2\n";
    }

    private record Result(int status, String out, String err) {
    }

    private Result checkConfig(Path file) {
        return checkConfig(file, plugins);
    }

    private static Result checkConfig(Path file, Path pluginsDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigilCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("check-config", "--plugins-dir", pluginsDir.toString(), "-f", file.toString());
        return new Result(status, out.toString(), err.toString());
    }
}
