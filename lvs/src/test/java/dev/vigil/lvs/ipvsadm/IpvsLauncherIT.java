package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code vigil ipvs restore} and {@code save} as users run them: through the distribution's
 * launcher (bin/vigil), with the start-up files of {@code cds/make-archive} (its class data
 * archives and, where the JDK has jlink, the ipvs commands' own Java runtime), against the
 * kernel's table, checked against {@code ipvsadm -Sn}. Inside the IPVS VM the distribution's files
 * may be changed: the changes go to the VM's memory, and the test puts them back anyway.
 */
@Tag("ipvs-vm")
class IpvsLauncherIT {
    private static IpvsTestNet net;
    private static Path dist;

    @BeforeAll
    static void setUp() throws IOException {
        dist = distribution();
        net = IpvsTestNet.create("lch");
    }

    @AfterAll
    static void cleanup() {
        if (net != null) {
            net.close();
        }
    }

    /** The unpacked distribution under distribution/target, from the project root or a module. */
    private static Path distribution() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("distribution/target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    for (Path p : s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("vigil-"))
                            .toList()) {
                        try (Stream<Path> inner = Files.list(p)) {
                            List<Path> homes = inner.filter(h -> Files.isExecutable(h.resolve("bin/vigil"))).toList();
                            if (!homes.isEmpty()) {
                                return homes.get(0);
                            }
                        }
                    }
                }
            }
        }
        String why = "no built distribution (mvn package, then cds/make-archive)";
        if (System.getenv("IPVS_VM") != null) {
            fail(why);
        }
        assumeTrue(false, "skipped: " + why);
        return null;
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs bin/vigil in the namespace with {@code env} (NAME=VALUE) and {@code stdin}. */
    private static Run vigil(List<String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", net.namespace(), "env"));
        cmd.addAll(env);
        cmd.add(dist.resolve("bin/vigil").toString());
        cmd.addAll(List.of(args));
        Path in = Files.createTempFile("vigil-in", ".txt");
        Path out = Files.createTempFile("vigil-out", ".txt");
        Path err = Files.createTempFile("vigil-err", ".txt");
        try {
            Files.writeString(in, stdin);
            Process p = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flags", "dests", "fwmarks", "persistence"})
    void restoresAndSavesAsIpvsadm(String scenario) throws Exception {
        String rules = Resources.text(scenario + ".rules");
        IpvsTestNet.Run loaded = net.ipvsadmWithInput(rules, "-R");
        assertThat(loaded.exit()).as(loaded.output()).isZero();
        String expected = net.ipvsadm("-Sn");
        net.ipvsadm("-C");

        Run restored = vigil(List.of(), rules, "ipvs", "restore", "--flush");
        // Rules the kernel refuses: ipvsadm -R says so and exits 0; vigil says so and exits 1.
        assertThat(restored.exit()).as(restored.err()).isEqualTo(loaded.output().isBlank() ? 0 : 1);
        assertThat(net.ipvsadm("-Sn")).isEqualTo(expected);
        Run saved = vigil(List.of(), "", "ipvs", "save");
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(saved.out()).isEqualTo(expected);
        net.ipvsadm("-C");
    }

    @Test
    void theIpvsCommandsRunOnTheirOwnRuntimeWhereTheJdkCanMakeOne() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path runtime = dist.resolve("lib/runtime");
        if (Files.isExecutable(jdk.resolve("bin/jlink")) && Files.isRegularFile(jdk.resolve("jmods/java.base.jmod"))) {
            assertThat(runtime.resolve("bin/java")).as("cds/make-archive made no runtime").isExecutable();
        }
        assumeTrue(Files.isExecutable(runtime.resolve("bin/java")), "skipped: no lib/runtime (the JDK has no jlink)");
        Run r = vigil(List.of("JAVA_OPTS=-XshowSettings:properties -Xshare:on"), "", "ipvs", "save");
        assertThat(r.exit()).as(r.err()).isZero();
        // -Xshare:on fails the start when the runtime's archive does not map.
        assertThat(r.err()).contains("java.home = " + runtime.toRealPath());
        // After an update of the JDK that made it, the commands run on that JDK again.
        Path release = runtime.resolve("jdk.release");
        String made = Files.readString(release, StandardCharsets.UTF_8);
        try {
            // What an update changes: the build named by JAVA_RUNTIME_VERSION.
            String updated = made.replaceFirst("(?m)^JAVA_RUNTIME_VERSION=\"", "JAVA_RUNTIME_VERSION=\"0.");
            assertThat(updated).as("release file of %s", jdk).isNotEqualTo(made);
            Files.writeString(release, updated, StandardCharsets.UTF_8);
            Run stale = vigil(List.of("JAVA_OPTS=-XshowSettings:properties"), "", "ipvs", "save");
            assertThat(stale.exit()).as(stale.err()).isZero();
            assertThat(stale.err()).contains("java.home = " + jdk.toRealPath());
        } finally {
            Files.writeString(release, made, StandardCharsets.UTF_8);
        }
        // Named explicitly, JAVA wins over the runtime.
        Run named = vigil(List.of("JAVA=" + jdk.resolve("bin/java"), "JAVA_OPTS=-XshowSettings:properties"), "",
                "ipvs", "save");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.err()).contains("java.home = " + jdk.toRealPath());
    }
}
