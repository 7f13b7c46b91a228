package dev.vigil.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.time.VirtualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTrackerTest {
    private static final Duration POLL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final VirtualScheduler loop = new VirtualScheduler();

    @Test
    void readsTheNumberAndFollowsChanges() throws Exception {
        Path f = dir.resolve("prio");
        Files.writeString(f, "  12\n");
        FileTracker t = new FileTracker("prio", f, POLL, Runnable::run, loop);
        List<TrackStatus> seen = new ArrayList<>();
        t.subscribe(seen::add);
        t.start();
        loop.runDue();
        assertThat(t.status()).isEqualTo(new TrackStatus(true, 12));

        Files.writeString(f, "-7");
        loop.advance(POLL);
        assertThat(t.status().value()).isEqualTo(-7);
        loop.advance(POLL);
        assertThat(seen).containsExactly(new TrackStatus(true, 12), new TrackStatus(true, -7));

        Files.delete(f);
        loop.advance(POLL);
        assertThat(t.status().value()).isZero();
        t.close();
        Files.writeString(f, "5");
        loop.advance(POLL);
        assertThat(t.status().value()).isZero();
    }

    @Test
    void garbageAndMissingFilesCountAsZero() {
        assertThat(FileTracker.parse("42").value()).isEqualTo(42);
        assertThat(FileTracker.parse("+3 trailing words").value()).isEqualTo(3);
        assertThat(FileTracker.parse("-99999999999999999999999").value()).isEqualTo(Long.MIN_VALUE);
        assertThat(FileTracker.parse("12abc")).isEqualTo(new FileTracker.Reading(0, "not an integer: \"12abc\""));
        assertThat(FileTracker.parse("").value()).isZero();
        assertThat(FileTracker.parse("-").problem()).isNotNull();
        assertThat(FileTracker.read(dir.resolve("absent")).problem()).contains("does not exist");
    }

    @Test
    void aTrackFileDrivesAnInstance() throws Exception {
        Path f = dir.resolve("weight");
        Files.writeString(f, "2");
        FileTracker t = new FileTracker("weight", f, POLL, Runnable::run, loop);
        List<PriorityCalculator.Effective> seen = new ArrayList<>();
        InstanceTracking vi = new InstanceTracking(100,
                List.of(new Binding(new Tracked("weight", 10, false), t, PriorityCalculator.Kind.FILE)), loop, seen::add);
        t.start();
        loop.runDue();
        assertThat(vi.current().priority()).isEqualTo(120);
        Files.writeString(f, "-30");
        loop.advance(POLL);
        assertThat(vi.current()).isEqualTo(new PriorityCalculator.Effective(100, true, List.of("file weight value -30")));
        assertThat(seen).hasSize(2);
    }
}
