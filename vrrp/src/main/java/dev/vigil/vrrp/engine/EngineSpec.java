package dev.vigil.vrrp.engine;

import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.track.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the VRRP engine runs: instances, sync groups and the tracked objects they share.
 * A reload hands the engine a new spec; the engine changes only what differs.
 */
public record EngineSpec(List<InstanceSpec> instances, List<SyncGroupSpec> groups, List<ScriptSpec> scripts,
                         List<FileSpec> files, List<ProcessTrackSpec> processes) {
    public EngineSpec {
        instances = List.copyOf(instances);
        groups = List.copyOf(groups);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
    }

    /** A {@code vrrp_sync_group}: members move together; {@code notifyCommands} run on group changes. */
    public record SyncGroupSpec(String name, List<String> members, NotifyCommands notifyCommands) {
        public SyncGroupSpec {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
            Objects.requireNonNull(notifyCommands, "notifyCommands");
        }
    }

    /** A {@code vrrp_script}. */
    public record ScriptSpec(String name, List<String> argv, Duration interval, Duration timeout, int weight,
                             boolean reverse, int rise, int fall, String user, boolean initFail) {
        public ScriptSpec {
            Objects.requireNonNull(name, "name");
            argv = List.copyOf(argv);
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** A {@code track_file}. */
    public record FileSpec(String name, Path file, int weight, boolean reverse) {
        public FileSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    /** A {@code vrrp_track_process}. */
    public record ProcessTrackSpec(String name, ProcessSpec process, int weight, boolean reverse) {
        public ProcessTrackSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(process, "process");
        }
    }
}
