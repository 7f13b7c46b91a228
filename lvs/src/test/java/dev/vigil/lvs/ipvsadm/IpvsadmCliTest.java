package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.LogManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpvsadmCliTest {
    private static final String RULES = "-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m -w 3\n";

    private final FakeIpvsTable table = new FakeIpvsTable();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int opened;

    /** The fake's close() keeps its contents, as the kernel's table outlives a socket. */
    private final Supplier<IpvsTable> tables = () -> {
        opened++;
        return table;
    };

    private int run(Supplier<IpvsTable> t, String stdin, String... args) {
        IpvsadmCli cli = new IpvsadmCli(t, new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void javaUtilLoggingStaysUnconfiguredUnlessSomeoneConfiguresIt() {
        assertThat(IpvsadmCli.unconfiguredLogging(new Properties())).isTrue();
        for (String p : List.of(IpvsadmCli.LOG_MANAGER, "java.util.logging.config.file", "java.util.logging.config.class")) {
            Properties set = new Properties();
            set.setProperty(p, "x");
            assertThat(IpvsadmCli.unconfiguredLogging(set)).as(p).isFalse();
        }
    }

    @Test
    void theUnconfiguredManagerReadsNoConfigurationFile() throws IOException {
        LogManager m = new IpvsadmCli.UnconfiguredLogManager();
        // The first call is the JDK's, while it sets the manager up; it ends that set-up early.
        assertThatThrownBy(m::readConfiguration).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("not configured");
        m.readConfiguration();
        // The JDK's logging.properties names a console handler and the root level.
        assertThat(m.getProperty("handlers")).isNull();
        assertThat(m.getProperty(".level")).isNull();
    }

    /**
     * In a JVM of its own, as the ipvs commands run: a logger set up through the unconfigured
     * manager works (level INFO, no handler) and the JDK never searched for a logging backend.
     */
    @Test
    void theUnconfiguredManagerSkipsTheSearchForALoggingBackend() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xshare:auto", "-Xlog:class+load=info:stdout",
                "-cp", System.getProperty("java.class.path"), UnconfiguredLoggingMain.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("logger: level null, root INFO, handlers 0, fine false, info true")
                .contains("manager: " + IpvsadmCli.UnconfiguredLogManager.class.getName())
                .doesNotContain("BootstrapLogger$DetectBackend");
    }

    @Test
    void restoreFromStdinThenSavePrintsTheSameRules() {
        assertThat(run(tables, RULES, "restore")).isZero();
        assertThat(run(tables, "", "save")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(RULES);
        assertThat(err()).isEmpty();
    }

    @Test
    void flushOptionEmptiesTheTableFirst(@TempDir Path dir) throws IOException {
        run(tables, "-A -u 10.0.0.9:53 -s rr\n", "restore");
        Path file = Files.writeString(dir.resolve("rules"), RULES);
        assertThat(run(tables, "", "restore", "--flush", "--file=" + file)).isZero();
        assertThat(IpvsadmSave.save(table)).isEqualTo(RULES);
    }

    @Test
    void malformedInputChangesNothingAndNamesEachBadLine() {
        int status = run(tables, RULES + "-a -t 10.0.0.1:80 -r nowhere -m\n-X\n", "restore", "-C");
        assertThat(status).isEqualTo(1);
        assertThat(opened).isZero();
        assertThat(err()).isEqualTo("<stdin>:3: illegal real server address[:port] specified "
                + "(host names are not supported): -a -t 10.0.0.1:80 -r nowhere -m\n"
                + "<stdin>:4: unknown option -X: -X\n"
                + "vigil ipvs restore: nothing applied: the input has errors\n");
    }

    @Test
    void kernelRefusalsAreReportedWithTheKernelsReasonAndTheRestApplied() {
        int status = run(tables, "-a -t 10.0.0.1:80 -r 10.0.0.2 -m\n" + RULES, "restore");
        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("<stdin>:1: ESRCH (No such process): service not defined: "
                + "-a -t 10.0.0.1:80 -r 10.0.0.2 -m\n"
                + "vigil ipvs restore: 1 of 3 rules refused by the kernel (2 applied)\n");
        assertThat(IpvsadmSave.save(table)).isEqualTo(RULES);
    }

    @Test
    void kernelErrorsPrintOneLineWithAHintForMissingPrivileges() {
        Supplier<IpvsTable> denied = () -> {
            throw new KernelException("socket(NETLINK_GENERIC)", Errno.EPERM);
        };
        assertThat(run(denied, "", "save")).isEqualTo(1);
        assertThat(err()).startsWith("vigil: socket(NETLINK_GENERIC)").endsWith(" (needs root or CAP_NET_ADMIN)\n");
    }

    @Test
    void anythingElseIsAUsageError() {
        assertThat(run(tables, "", "restore", "-C", "-C")).isEqualTo(IpvsadmCli.USAGE);
        assertThat(run(tables, "", "save", "-n")).isEqualTo(IpvsadmCli.USAGE);
        assertThat(run(tables, "", "list")).isEqualTo(IpvsadmCli.USAGE);
        assertThat(opened).isZero();
    }
}
