package dev.vigil.lvs.ipvsadm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's launcher (distribution/src/bin/vigil) in a distribution of empty jars, with
 * stand-in java programs that print the command line they get: how it finds its home (through
 * symbolic links, relative calls), java (PATH, JAVA), the class path and main class of each
 * command, and when it runs the ipvs commands on lib/runtime. {@code IpvsLauncherIT} runs the
 * real distribution in the IPVS VM.
 */
class LauncherScriptTest {
    private static final String IPVS_MAIN = "dev.vigil.lvs.ipvsadm.IpvsadmCli";
    private static final String FULL_MAIN = "dev.vigil.daemon.Main";

    @TempDir
    Path tmp;
    private Path home;
    private Path jdk;

    /** A distribution: bin/vigil, lib/ with the jars' names, lib/native/jni; a JDK whose java records its arguments. */
    @BeforeEach
    void distribution() throws IOException {
        home = Files.createDirectories(tmp.resolve("dist/vigil-1")).toRealPath();
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(script(), bin.resolve("vigil"));
        executable(bin.resolve("vigil"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String jar : List.of("vigil-lvs-1.jar", "vigil-kernel-bridge-1.jar", "jffi-1.4.3.jar",
                "jffi-1.4.3-native.jar", "picocli-4.7.7.jar", "vigil-daemon-1.jar")) {
            Files.createFile(lib.resolve(jar));
        }
        Files.createDirectories(lib.resolve("native/jni"));
        jdk = Files.createDirectories(tmp.resolve("jdk")).toRealPath();
        standInJava(jdk.resolve("bin/java"), "jdk");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"17.0.99+1\"\nOS_NAME=\"Linux\"\n");
    }

    /** The launcher's source, found from the module's or the project's directory. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path s = dir.resolve("distribution/src/bin/vigil");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("distribution/src/bin/vigil not found above " + Path.of("").toAbsolutePath());
    }

    /** A java that prints its name, then each argument on a line of its own. */
    private static void standInJava(Path java, String name) throws IOException {
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"java=" + name + "\" \"$@\"\n");
        executable(java);
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, List<String> out, String err) {
        String java() {
            return out.isEmpty() ? "" : out.get(0);
        }

        String after(String option) {
            int i = out.indexOf(option);
            return i >= 0 && i + 1 < out.size() ? out.get(i + 1) : null;
        }
    }

    /** Runs {@code command} in {@code dir} with PATH {@code path} and the extra {@code env}. */
    private static Run run(Path dir, String path, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("JAVA");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("PATH", path);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out.lines().toList(), err);
    }

    private String path() {
        return jdk.resolve("bin") + ":/usr/bin:/bin";
    }

    private String lib(String jar) {
        return home.resolve("lib").resolve(jar).toString();
    }

    @Test
    void ipvsSaveRunsTheSmallEntryPointOnItsThreeJars() throws Exception {
        Run r = run(tmp, path(), Map.of(), home.resolve("bin/vigil").toString(), "ipvs", "save");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.java()).isEqualTo("java=jdk");
        assertThat(r.after("-cp")).isEqualTo(String.join(":", lib("vigil-lvs-1.jar"), lib("vigil-kernel-bridge-1.jar"),
                lib("jffi-1.4.3.jar")));
        assertThat(r.out()).contains("-Dvigil.home=" + home, "-Djffi.boot.library.path=" + home.resolve("lib/native/jni"),
                "-XX:+UseSerialGC", "-Xshare:auto").endsWith(IPVS_MAIN, "save");
    }

    @Test
    void everyOtherCommandRunsTheFullCommandLineOnEveryJar() throws Exception {
        Path bin = home.resolve("bin/vigil");
        Run version = run(tmp, path(), Map.of(), bin.toString(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.after("-cp").split(":")).hasSize(6).startsWith(lib("vigil-lvs-1.jar"),
                lib("vigil-kernel-bridge-1.jar"), lib("jffi-1.4.3.jar")).contains(lib("picocli-4.7.7.jar"));
        assertThat(version.out()).endsWith(FULL_MAIN, "--version");
        assertThat(run(tmp, path(), Map.of(), bin.toString(), "ipvs", "restore", "-C", "-f", "rules").out())
                .endsWith(IPVS_MAIN, "restore", "-C", "-f", "rules");
        for (List<String> args : List.of(List.of("ipvs", "restore", "-C", "-C"), List.of("ipvs", "restore", "-f"),
                List.of("ipvs", "save", "-n"), List.of("ipvs", "--help"))) {
            List<String> command = new ArrayList<>(List.of(bin.toString()));
            command.addAll(args);
            List<String> expected = new ArrayList<>(List.of(FULL_MAIN));
            expected.addAll(args);
            assertThat(run(tmp, path(), Map.of(), command.toArray(String[]::new)).out()).as("%s", args)
                    .endsWith(expected.toArray(String[]::new));
        }
    }

    @Test
    void homeIsFoundThroughSymbolicLinksAndRelativeCalls() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path other = Files.createDirectories(tmp.resolve("other/sub"));
        // links/vigil -> ../other/sub/v (relative), which -> the launcher (absolute)
        Files.createSymbolicLink(other.resolve("v"), home.resolve("bin/vigil"));
        Files.createSymbolicLink(links.resolve("vigil"), Path.of("../other/sub/v"));
        Run viaLinks = run(tmp, path(), Map.of(), links.resolve("vigil").toString(), "ipvs", "save");
        assertThat(viaLinks.out()).as(viaLinks.err()).contains("-Dvigil.home=" + home);
        Run fromLinks = run(links, path(), Map.of(), "./vigil", "ipvs", "save");
        assertThat(fromLinks.out()).as(fromLinks.err()).contains("-Dvigil.home=" + home);

        Run fromBin = run(home.resolve("bin"), path(), Map.of(), "./vigil", "ipvs", "save");
        assertThat(fromBin.out()).as(fromBin.err()).contains("-Dvigil.home=" + home);
        Run byShell = run(home.resolve("bin"), path(), Map.of(), "sh", "vigil", "ipvs", "save");
        assertThat(byShell.out()).as(byShell.err()).contains("-Dvigil.home=" + home);
        Run fromHome = run(home, path(), Map.of(), "bin/vigil", "ipvs", "save");
        assertThat(fromHome.out()).as(fromHome.err()).contains("-Dvigil.home=" + home);
    }

    @Test
    void javaComesFromJavaOrTheFirstExecutableJavaOnPath() throws Exception {
        Path notExecutable = Files.createDirectories(tmp.resolve("noexec"));
        Files.writeString(notExecutable.resolve("java"), "not a program\n");
        Path star = Files.createDirectories(tmp.resolve("star"));
        Files.createDirectories(star.resolve("java"));   // a directory named java is no java either
        String path = ":" + star + ":" + tmp.resolve("*") + ":" + notExecutable + ":" + path();
        Run r = run(tmp, path, Map.of(), home.resolve("bin/vigil").toString(), "ipvs", "save");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.java()).isEqualTo("java=jdk");

        Path other = tmp.resolve("other-jdk/bin/java");
        standInJava(other, "other");
        Run named = run(tmp, path(), Map.of("JAVA", other.toString()), home.resolve("bin/vigil").toString(), "ipvs", "save");
        assertThat(named.java()).isEqualTo("java=other");

        Run none = run(tmp, tmp.resolve("nowhere").toString(), Map.of(), "/bin/sh", home.resolve("bin/vigil").toString(),
                "ipvs", "save");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("java (17 or newer) not found");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void theIpvsCommandsRunOnTheRuntimeOnlyWhileItsJdkIsTheJavaHereAndOfTheSameBuild() throws Exception {
        Path runtime = home.resolve("lib/runtime");
        standInJava(runtime.resolve("bin/java"), "runtime");
        Files.writeString(runtime.resolve("vigil.jsa"), "");
        Files.writeString(home.resolve("lib/vigil.jsa"), "");
        Files.writeString(runtime.resolve("jdk.home"), jdk + "\n");
        Files.copy(jdk.resolve("release"), runtime.resolve("jdk.release"));
        Path bin = home.resolve("bin/vigil");

        Run save = run(tmp, path(), Map.of(), bin.toString(), "ipvs", "save");
        assertThat(save.java()).as(save.err()).isEqualTo("java=runtime");
        assertThat(save.out()).contains("-XX:SharedArchiveFile=" + runtime.resolve("vigil.jsa"));
        Run full = run(tmp, path(), Map.of(), bin.toString(), "--version");
        assertThat(full.java()).isEqualTo("java=jdk");
        assertThat(full.out()).contains("-XX:SharedArchiveFile=" + home.resolve("lib/vigil.jsa"));
        // Reached through a symbolic link, the JDK's java is still the same file.
        Path linked = Files.createDirectories(tmp.resolve("usr-bin"));
        Files.createSymbolicLink(linked.resolve("java"), jdk.resolve("bin/java"));
        assertThat(run(tmp, linked + ":/usr/bin:/bin", Map.of(), bin.toString(), "ipvs", "save").java())
                .isEqualTo("java=runtime");
        // JAVA names a java: that one.
        assertThat(run(tmp, path(), Map.of("JAVA", jdk.resolve("bin/java").toString()), bin.toString(), "ipvs", "save")
                .java()).isEqualTo("java=jdk");

        // The JDK updated in place (another build): its java again, until the runtime is made anew.
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"17.0.99+2\"\n");
        Run updated = run(tmp, path(), Map.of(), bin.toString(), "ipvs", "save");
        assertThat(updated.java()).isEqualTo("java=jdk");
        assertThat(updated.out()).contains("-XX:SharedArchiveFile=" + home.resolve("lib/vigil.jsa"));

        // Another java on PATH than the runtime's JDK: that java.
        Files.copy(runtime.resolve("jdk.release"), jdk.resolve("release"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path other = tmp.resolve("other-jdk/bin/java");
        standInJava(other, "other");
        assertThat(run(tmp, other.getParent() + ":" + path(), Map.of(), bin.toString(), "ipvs", "save").java())
                .isEqualTo("java=other");
    }
}
