package dev.vigil.vrrp.engine;

import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.InstanceSpec.TrackBinding;
import dev.vigil.vrrp.script.ScriptRunner;
import dev.vigil.vrrp.time.Scheduler;
import dev.vigil.vrrp.track.Binding;
import dev.vigil.vrrp.track.FileTracker;
import dev.vigil.vrrp.track.InterfaceTracker;
import dev.vigil.vrrp.track.PriorityCalculator.Kind;
import dev.vigil.vrrp.track.ProcessTracker;
import dev.vigil.vrrp.track.ScriptTracker;
import dev.vigil.vrrp.track.Tracked;
import dev.vigil.vrrp.track.TrackedObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The tracked objects of a configuration, shared between the instances that track them: a
 * {@code vrrp_script} tracked by three instances runs once. A reload keeps every object whose
 * definition did not change (its state and counts too) and replaces the others.
 */
final class Trackers implements AutoCloseable {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Scheduler loop;
    private final ScriptRunner runner;
    private final LinkMonitor links;
    private final Executor io;
    private final Path procRoot;
    private Map<String, Entry> objects = new HashMap<>();

    private record Entry(Object definition, TrackedObject object, int weight, boolean reverse) {
    }

    Trackers(Scheduler loop, ScriptRunner runner, LinkMonitor links, Executor io, Path procRoot) {
        this.loop = loop;
        this.runner = runner;
        this.links = links;
        this.io = io;
        this.procRoot = procRoot;
    }

    /** Makes the set of objects match {@code spec} (plus every interface some instance tracks). */
    void update(EngineSpec spec) {
        Map<String, Entry> next = new HashMap<>();
        for (EngineSpec.ScriptSpec s : spec.scripts()) {
            next.put("script:" + s.name(), reuse("script:" + s.name(), s, s.weight(), s.reverse(), () -> {
                ScriptTracker t = new ScriptTracker(s.name(), s.argv(), s.interval(), s.timeout(), s.rise(), s.fall(),
                        s.initFail(), s.user(), runner, loop);
                t.start();
                return t;
            }));
        }
        for (EngineSpec.FileSpec f : spec.files()) {
            next.put("file:" + f.name(), reuse("file:" + f.name(), f, f.weight(), f.reverse(), () -> {
                FileTracker t = new FileTracker(f.name(), f.file(), POLL, io, loop);
                t.start();
                return t;
            }));
        }
        for (EngineSpec.ProcessTrackSpec p : spec.processes()) {
            next.put("process:" + p.name(), reuse("process:" + p.name(), p, p.weight(), p.reverse(), () -> {
                ProcessTracker t = new ProcessTracker(p.name(), p.process(), procRoot, POLL, io, loop);
                t.start();
                return t;
            }));
        }
        for (InstanceSpec i : spec.instances()) {
            for (TrackBinding b : i.tracked()) {
                if (b.kind().equals("interface")) {
                    interfaceEntry(next, b.name());
                }
            }
            if (i.trackPrimary()) {
                interfaceEntry(next, i.interfaceName());
            }
        }
        objects.forEach((key, e) -> {
            if (next.get(key) != e) {
                closeQuietly(e.object());
            }
        });
        objects = next;
    }

    private void interfaceEntry(Map<String, Entry> next, String ifname) {
        String key = "interface:" + ifname;
        if (!next.containsKey(key)) {
            next.put(key, reuse(key, ifname, 0, false, () -> new InterfaceTracker(ifname, links, loop)));
        }
    }

    private Entry reuse(String key, Object definition, int weight, boolean reverse,
                        java.util.function.Supplier<TrackedObject> create) {
        Entry old = objects.get(key);
        if (old != null && old.definition().equals(definition)) {
            return old;
        }
        return new Entry(definition, create.get(), weight, reverse);
    }

    /** The bindings of one instance; its own interface counts as a weight-0 interface (FAULT when down). */
    List<Binding> bindings(InstanceSpec spec) {
        List<Binding> out = new ArrayList<>();
        for (TrackBinding b : spec.tracked()) {
            Entry e = objects.get(b.kind() + ":" + b.name());
            if (e == null) {
                throw new IllegalArgumentException("vrrp_instance " + spec.name() + " tracks unknown " + b.kind() + " " + b.name());
            }
            int weight = b.weight() == TrackBinding.OBJECT_WEIGHT ? e.weight() : b.weight();
            boolean reverse = b.weight() == TrackBinding.OBJECT_WEIGHT ? e.reverse() ^ b.reverse() : b.reverse();
            out.add(new Binding(new Tracked(b.name(), weight, reverse), e.object(), kind(b.kind())));
        }
        if (spec.trackPrimary()) {
            Entry e = objects.get("interface:" + spec.interfaceName());
            out.add(new Binding(new Tracked(spec.interfaceName(), 0, false), e.object(), Kind.INTERFACE));
        }
        return out;
    }

    private static Kind kind(String kind) {
        return switch (kind) {
            case "script" -> Kind.SCRIPT;
            case "interface" -> Kind.INTERFACE;
            case "file" -> Kind.FILE;
            case "process" -> Kind.PROCESS;
            default -> throw new IllegalArgumentException("unknown tracked kind " + kind);
        };
    }

    private static void closeQuietly(TrackedObject o) {
        if (o instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a tracker only stops its timers; nothing to report
            }
        }
    }

    @Override
    public void close() {
        objects.values().forEach(e -> closeQuietly(e.object()));
        objects = new HashMap<>();
    }
}
