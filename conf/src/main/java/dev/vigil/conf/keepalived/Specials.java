package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.bind.Field;
import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.TrackFile;
import dev.vigil.conf.model.TrackProcess;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpScript;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.MapNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** keepalived keywords whose form is not {@code key value}: heads of blocks and multi-word settings. */
final class Specials {
    private static final Set<Class<?>> WEIGHTED = Set.of(VrrpScript.class, TrackFile.class, TrackProcess.class);
    /** Global keywords keepalived also accepts outside global_defs. */
    private static final Set<String> TOP_LEVEL_GLOBALS = Set.of("net_namespace");

    private final Diagnostics diagnostics;
    private final Translator translator;
    private final List<Statement> topLevelGlobals = new ArrayList<>();

    Specials(Diagnostics diagnostics, Translator translator) {
        this.diagnostics = diagnostics;
        this.translator = translator;
    }

    /** Handles {@code s} when it is special in {@code type}; false otherwise. */
    boolean handle(Class<?> type, Statement s, MapBuilder b) {
        if (type == VigilConfig.class && TOP_LEVEL_GLOBALS.contains(s.name())) {
            topLevelGlobals.add(s);
            return true;
        }
        if (WEIGHTED.contains(type) && s.name().equals("weight")) {
            LineForms.Words w = new LineForms.Words(s, diagnostics);
            w.value(b, "weight");
            while (w.more()) {
                String word = w.next();
                b.set("reverse", w.at(), String.valueOf(word.equals("reverse")));
            }
            return true;
        }
        if (type == GlobalDefs.class) {
            return global(s, b);
        }
        return type == VrrpInstance.class && instance(s, b);
    }

    private boolean global(Statement s, MapBuilder b) {
        LineForms.Words w = new LineForms.Words(s, diagnostics);
        switch (s.name()) {
            case "smtp_server" -> {
                w.value(b, "smtp_server");
                if (w.more()) {
                    w.value(b, "smtp_port");
                }
            }
            case "lvs_timeouts" -> b.set("lvs_timeouts", s.position(), options(s, w, Set.of("tcp", "tcpfin", "udp")));
            case "lvs_sync_daemon" -> {
                MapBuilder sync = new MapBuilder(s.position(), diagnostics);
                w.value(sync, "interface");
                if (w.more() && !Set.of("id", "maxlen", "port", "ttl", "group").contains(s.arg(1))) {
                    w.value(sync, "vrrp_instance");
                }
                b.set("lvs_sync_daemon", s.position(), optionsInto(sync, w, Set.of("id", "maxlen", "port", "ttl", "group")));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean instance(Statement s, MapBuilder b) {
        switch (s.name()) {
            case "use_vmac" -> {
                b.set("use_vmac", s.position(), "true");
                if (!s.args().isEmpty()) {
                    b.set("vmac_interface", s.args().get(0).position(), s.arg(0));
                }
                if (s.args().size() > 1) {
                    diagnostics.unsupported(s.args().get(1).position(), "a use_vmac MAC address is not supported; ignored", "");
                }
            }
            case "accept" -> b.set("accept", s.position(), "true");
            case "no_accept" -> b.set("accept", s.position(), "false");
            case "preempt" -> {
                // keepalived's backward-compatible no-op: preemption is the default
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The map of a block written on its head line: {@code virtual_server IP PORT}, {@code real_server IP [PORT]}, ... */
    MapNode head(Field f, Statement s) {
        MapBuilder b = new MapBuilder(s.position(), diagnostics);
        LineForms.Words w = new LineForms.Words(s, diagnostics);
        if (f.key().equals("virtual_server") && w.more() && (s.args().get(0).is("fwmark") || s.args().get(0).is("group"))) {
            String kind = w.next();
            w.value(b, kind);
        } else {
            w.value(b, "ip");
            if (w.more()) {
                w.value(b, "port");
            }
        }
        while (w.more()) {
            w.unknown(w.next());
        }
        return b.build();
    }

    /** Merges keepalived's global keywords written outside global_defs into it. */
    void finish(Class<?> type, MapBuilder b) {
        if (type != VigilConfig.class || topLevelGlobals.isEmpty()) {
            return;
        }
        Statement first = topLevelGlobals.get(0);
        ConfNode existing = b.value("global_defs").orElse(MapNode.empty(first.position()));
        List<MapNode.Entry> entries = new ArrayList<>(((MapNode) existing).entries());
        MapNode extra = translator.translate(topLevelGlobals, GlobalDefs.class, first.position(), "global_defs");
        entries.addAll(extra.entries());
        b.replace("global_defs", first.position(), new MapNode(entries, existing.position()));
        topLevelGlobals.clear();
    }

    private MapNode options(Statement s, LineForms.Words w, Set<String> names) {
        return optionsInto(new MapBuilder(s.position(), diagnostics), w, names);
    }

    private MapNode optionsInto(MapBuilder b, LineForms.Words w, Set<String> names) {
        while (w.more()) {
            String name = w.next();
            if (names.contains(name)) {
                w.value(b, name.equals("id") ? "syncid" : name);
            } else {
                w.unknown(name);
            }
        }
        return b.build();
    }
}
