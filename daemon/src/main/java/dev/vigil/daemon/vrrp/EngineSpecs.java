package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.TrackFile;
import dev.vigil.conf.model.TrackProcess;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpScript;
import dev.vigil.conf.model.VrrpSyncGroup;
import dev.vigil.vrrp.engine.EngineSpec;
import dev.vigil.vrrp.script.CommandLine;
import dev.vigil.vrrp.track.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Turns a configuration into the VRRP engine's {@link EngineSpec}. */
public final class EngineSpecs {
    private EngineSpecs() {
    }

    /** @param ifindex an interface's index by name, 0 when there is none */
    public static EngineSpec of(VigilConfig config, ToIntFunction<String> ifindex) {
        String defaultUser = config.globalDefs().scriptUser();
        return new EngineSpec(new InstanceSpecs(config, ifindex).all(),
                config.vrrpSyncGroup().stream().map(EngineSpecs::group).toList(),
                config.vrrpScript().stream().map(s -> script(s, defaultUser)).toList(),
                config.trackFile().stream().map(EngineSpecs::file).toList(),
                config.trackProcess().stream().map(EngineSpecs::process).toList());
    }

    /**
     * Warnings about the configuration the engine runs differently from how it is written: tracking
     * weights that sync groups make ineffective, and what strict mode resets.
     */
    public static List<String> warnings(VigilConfig config) {
        List<String> out = new java.util.ArrayList<>(InstanceSpecs.ignoredWeights(config));
        for (var i : config.vrrpInstance()) {
            out.addAll(StrictMode.resets(i, config.globalDefs(), InstanceSpecs.version(i, config.globalDefs())));
        }
        return out;
    }

    private static EngineSpec.SyncGroupSpec group(VrrpSyncGroup g) {
        return new EngineSpec.SyncGroupSpec(g.name(), g.group(), InstanceSpecs.notify(g.notifyScripts()));
    }

    private static EngineSpec.ScriptSpec script(VrrpScript s, String defaultUser) {
        return new EngineSpec.ScriptSpec(s.name(), CommandLine.split(s.script()), s.interval(),
                s.timeout() != null ? s.timeout() : s.interval(), s.weight(), s.reverse(), s.rise(), s.fall(),
                s.user() != null ? s.user() : defaultUser, s.initFail());
    }

    private static EngineSpec.FileSpec file(TrackFile f) {
        return new EngineSpec.FileSpec(f.name(), Path.of(f.file()), f.weight(), f.reverse());
    }

    private static EngineSpec.ProcessTrackSpec process(TrackProcess p) {
        Duration fork = p.forkDelay() != null ? p.forkDelay() : p.delay() != null ? p.delay() : Duration.ZERO;
        Duration term = p.terminateDelay() != null ? p.terminateDelay() : p.delay() != null ? p.delay() : Duration.ZERO;
        ProcessSpec.ParamMatch match = p.paramMatch() == null ? null
                : ProcessSpec.ParamMatch.valueOf(p.paramMatch().toUpperCase(Locale.ROOT));
        List<String> command = CommandLine.split(p.process());
        int max = p.quorumMax() != null ? p.quorumMax() : Integer.MAX_VALUE;
        return new EngineSpec.ProcessTrackSpec(p.name(), new ProcessSpec(command, match, p.fullCommand(), p.quorum(),
                max, fork, term), p.weight(), p.reverse());
    }
}
