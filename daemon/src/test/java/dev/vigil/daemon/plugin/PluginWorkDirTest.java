package dev.vigil.daemon.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PluginWorkDirTest {
    @TempDir
    Path source;
    @TempDir
    Path tmp;

    @Test
    void copiesArchivesLinksFoldersAndLeavesTheSourceAlone() throws Exception {
        Files.writeString(source.resolve("a-1.0.zip"), "zip bytes");
        Files.createDirectories(source.resolve("a-1.0"));          // PF4J's unpacked copy of a-1.0.zip
        Files.writeString(source.resolve("a-1.0").resolve("stale"), "x");
        Files.createDirectories(source.resolve("b-plugin").resolve("classes"));
        Files.writeString(source.resolve("enabled.txt"), "a\n");
        Files.writeString(source.resolve("README"), "not a plugin");

        Path dir;
        try (PluginWorkDir w = PluginWorkDir.of(source, tmp)) {
            dir = w.dir();
            assertThat(dir.getParent()).isEqualTo(tmp);
            assertThat(dir.getFileName().toString()).startsWith("vigil-plugins-" + ProcessHandle.current().pid() + "-");
            assertThat(Files.readString(dir.resolve("a-1.0.zip"))).isEqualTo("zip bytes");
            assertThat(dir.resolve("a-1.0")).doesNotExist();
            assertThat(Files.isSymbolicLink(dir.resolve("b-plugin"))).isTrue();
            assertThat(Files.readString(dir.resolve("enabled.txt"))).isEqualTo("a\n");
            assertThat(dir.resolve("README")).doesNotExist();
            assertThat(w.entries()).containsExactlyInAnyOrder(source.resolve("a-1.0.zip"), source.resolve("b-plugin"));
            assertThat(w.sourceOf(dir.resolve("a-1.0"))).isEqualTo(source.resolve("a-1.0.zip"));
            assertThat(w.sourceOf(dir.resolve("b-plugin"))).isEqualTo(source.resolve("b-plugin"));
        }
        assertThat(Files.exists(dir, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(source.resolve("b-plugin").resolve("classes")).isDirectory();
        assertThat(source.resolve("a-1.0").resolve("stale")).exists();
    }

    @Test
    void copiesOfEndedProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path dead = Files.createDirectories(tmp.resolve("vigil-plugins-" + p.pid() + "-123"));
        Files.writeString(dead.resolve("x.zip"), "x");
        Path live = Files.createDirectories(tmp.resolve("vigil-plugins-" + ProcessHandle.current().pid() + "-456"));
        Path other = Files.createDirectories(tmp.resolve("vigil-plugins-notapid"));
        try (PluginWorkDir w = PluginWorkDir.of(source, tmp)) {
            assertThat(dead).doesNotExist();
            assertThat(live).isDirectory();
            assertThat(other).isDirectory();
            assertThat(w.entries()).isEmpty();
        }
    }

    @Test
    void aBrokenArchiveIsAFailureAndTheSourceDirectoryIsNeverWritten() throws Exception {
        Files.writeString(source.resolve("broken-1.0.zip"), "not a zip");
        source.toFile().setWritable(false);
        try (PluginHost host = PluginHost.load(Optional.of(source))) {
            assertThat(host.loaded()).isEmpty();
            assertThat(host.failures()).singleElement().asString().startsWith("broken-1.0.zip: ");
        } finally {
            source.toFile().setWritable(true);
        }
        try (var s = Files.list(source)) {
            assertThat(s.map(q -> q.getFileName().toString())).containsExactly("broken-1.0.zip");
        }
    }
}
