package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.model.AddressRange;
import dev.vigil.conf.model.GroupMember;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.IpPrefix;
import dev.vigil.conf.model.TrackInterface;
import dev.vigil.conf.model.TrackRef;
import dev.vigil.conf.model.UnicastPeer;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.tree.MapNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * keepalived's one-line forms of list items ({@code 192.0.2.1/24 dev eth0 label eth0:1},
 * {@code chk weight -2 reverse}, ...) as maps with the model's keys. An item keepalived itself
 * would skip (an invalid address) is reported and skipped too.
 */
final class LineForms {
    private static final Set<String> VIP_OPTIONS = Set.of("brd", "dev", "scope", "label", "peer", "preferred_lft");
    private static final Set<String> VIP_IGNORED = Set.of("home", "-nodad", "mngtmpaddr", "noprefixroute", "autojoin",
            "use_vmac", "track_group");

    private final Diagnostics diagnostics;
    private final Map<Class<?>, Function<Statement, MapNode>> forms;
    private final RouteForms routes;

    LineForms(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.routes = new RouteForms(diagnostics);
        this.forms = Map.of(VirtualAddress.class, this::address, TrackRef.class, this::track,
                TrackInterface.class, this::track, UnicastPeer.class, this::peer, GroupMember.class, this::member,
                dev.vigil.conf.model.Route.class, routes::route, dev.vigil.conf.model.Rule.class, routes::rule);
    }

    /** True when items of {@code type} are written one per line. */
    boolean has(Class<?> type) {
        return forms.containsKey(type);
    }

    /** The item of one line as a map, or null when it is skipped (reported). */
    MapNode parse(Class<?> type, Statement line) {
        return forms.get(type).apply(line);
    }

    private MapNode address(Statement s) {
        Words w = new Words(s, diagnostics);
        if (!w.valid(s.keyword(), IpPrefix::parse)) {
            return null;
        }
        MapBuilder b = w.start("address", s.keyword());
        while (w.more()) {
            String opt = w.next();
            if (VIP_OPTIONS.contains(opt)) {
                w.value(b, opt);
            } else if (opt.equals("no_track")) {
                b.set("no_track", w.at(), "true");
            } else if (VIP_IGNORED.contains(opt)) {
                w.unsupported(opt, opt.equals("track_group") ? 1 : 0);
            } else {
                w.unknown(opt);
            }
        }
        return b.build();
    }

    private MapNode track(Statement s) {
        Words w = new Words(s, diagnostics);
        MapBuilder b = w.start("name", s.keyword());
        while (w.more()) {
            String opt = w.next();
            switch (opt) {
                case "weight" -> w.value(b, "weight");
                case "reverse" -> b.set("reverse", w.at(), "true");
                case "noreverse" -> b.set("reverse", w.at(), "false");
                default -> w.unknown(opt);
            }
        }
        return b.build();
    }

    private MapNode peer(Statement s) {
        Words w = new Words(s, diagnostics);
        if (!w.valid(s.keyword(), IpAddress::parse)) {
            return null;
        }
        MapBuilder b = w.start("address", s.keyword());
        while (w.more()) {
            String opt = w.next();
            if (opt.equals("min_ttl") || opt.equals("max_ttl")) {
                w.value(b, opt);
            } else {
                w.unknown(opt);
            }
        }
        return b.build();
    }

    private MapNode member(Statement s) {
        Words w = new Words(s, diagnostics);
        if (s.keyword().is("fwmark")) {
            MapBuilder b = new MapBuilder(s.position(), diagnostics);
            w.value(b, "fwmark");
            if (w.more()) {
                w.unsupported(w.next(), 0);
            }
            return b.build();
        }
        if (!w.valid(s.keyword(), AddressRange::parse)) {
            return null;
        }
        MapBuilder b = w.start("ip", s.keyword());
        if (w.more()) {
            w.value(b, "port");
        }
        while (w.more()) {
            w.unknown(w.next());
        }
        return b.build();
    }

    /** Words after a line's keyword, read left to right. */
    static final class Words {
        private final Statement line;
        private final Diagnostics diagnostics;
        private final List<Token> args;
        private int next;

        Words(Statement line, Diagnostics diagnostics) {
            this.line = line;
            this.diagnostics = diagnostics;
            this.args = line.args();
        }

        boolean more() {
            return next < args.size();
        }

        String next() {
            return args.get(next++).text();
        }

        dev.vigil.conf.SourcePosition at() {
            return args.get(next - 1).position();
        }

        /** A builder whose first key is the line's keyword. */
        MapBuilder start(String key, Token keyword) {
            MapBuilder b = new MapBuilder(keyword.position(), diagnostics);
            b.set(key, keyword.position(), keyword.text());
            return b;
        }

        /** Sets {@code key} to the next word; reports it when the word is missing. */
        void value(MapBuilder b, String key) {
            if (!more()) {
                diagnostics.error(line.position(), "'" + key + "' needs a value in: " + line.text(), "");
                return;
            }
            Token t = args.get(next++);
            b.set(key, t.position(), t.text());
        }

        /** Checks a word keepalived would refuse; reports and returns false (the line is then skipped). */
        boolean valid(Token t, Function<String, ?> parser) {
            try {
                parser.apply(t.text());
                return true;
            } catch (IllegalArgumentException e) {
                diagnostics.unsupported(t.position(), e.getMessage() + "; the line '" + line.text() + "' is skipped",
                        "keepalived skips it too");
                return false;
            }
        }

        void unsupported(String word, int values) {
            diagnostics.unsupported(at(), "option '" + word + "' is not supported; ignored", "");
            next = Math.min(args.size(), next + values);
        }

        void unknown(String word) {
            diagnostics.unsupported(at(), "unknown option '" + word + "' in: " + line.text() + "; ignored", "");
        }
    }
}
