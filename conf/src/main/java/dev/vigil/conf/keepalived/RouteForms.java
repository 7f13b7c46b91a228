package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.IpPrefix;
import dev.vigil.conf.tree.MapNode;

import java.util.List;
import java.util.Set;

/** keepalived's route and rule lines ({@code ip route} / {@code ip rule} words) as maps with the model's keys. */
final class RouteForms {
    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit", "throw");
    private static final Set<String> RULE_ACTIONS = Set.of("blackhole", "unreachable", "prohibit", "nop");

    private final Diagnostics diagnostics;

    RouteForms(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    MapNode route(Statement s) {
        List<Token> words = words(s);
        MapBuilder b = new MapBuilder(s.position(), diagnostics);
        LineForms.Words w = new LineForms.Words(asArgs(s, words), diagnostics);
        while (w.more()) {
            String word = w.next();
            switch (word) {
                case "src", "via", "dev", "scope", "table", "protocol", "metric" -> w.value(b, word);
                case "gw" -> w.value(b, "via");
                case "preference" -> w.value(b, "metric");
                case "to" -> w.value(b, "to");
                case "or" -> orGateway(b, w);
                case "no_track" -> b.set("no_track", w.at(), "true");
                default -> routeWord(b, w, word);
            }
        }
        MapNode node = b.build();
        return checked(node, s, "to", "src", "via");
    }

    private void routeWord(MapBuilder b, LineForms.Words w, String word) {
        if (ROUTE_TYPES.contains(word)) {
            b.set("type", w.at(), word);
        } else if (!b.has("to") && (word.contains("/") || word.contains(".") || word.contains(":") || word.equals("default"))) {
            b.set("to", w.at(), word.equals("default") ? "0.0.0.0/0" : word);
        } else {
            w.unsupported(word, 0);
        }
    }

    private void orGateway(MapBuilder b, LineForms.Words w) {
        if (w.more()) {
            String gw = w.next();
            b.add("or", w.at(), new dev.vigil.conf.tree.ScalarNode(gw, w.at()));
        }
    }

    MapNode rule(Statement s) {
        MapBuilder b = new MapBuilder(s.position(), diagnostics);
        LineForms.Words w = new LineForms.Words(asArgs(s, words(s)), diagnostics);
        while (w.more()) {
            String word = w.next();
            switch (word) {
                case "from", "to", "table", "fwmark", "iif", "oif" -> w.value(b, word);
                case "lookup" -> w.value(b, "table");
                case "preference", "priority", "prio" -> w.value(b, "preference");
                case "no_track" -> b.set("no_track", w.at(), "true");
                case "goto" -> {
                    String target = w.more() ? w.next() : "";
                    b.set("action", w.at(), "goto " + target);
                }
                default -> {
                    if (RULE_ACTIONS.contains(word)) {
                        b.set("action", w.at(), word);
                    } else {
                        w.unsupported(word, 0);
                    }
                }
            }
        }
        return checked(b.build(), s, "from", "to");
    }

    /** Skips (and reports) a line whose addresses keepalived would refuse. */
    private MapNode checked(MapNode node, Statement s, String... keys) {
        for (String key : keys) {
            var value = node.get(key);
            if (value.isPresent() && value.get() instanceof dev.vigil.conf.tree.ScalarNode v) {
                try {
                    if (key.equals("src") || key.equals("via")) {
                        IpAddress.parse(v.value());
                    } else {
                        IpPrefix.parse(v.value());
                    }
                } catch (IllegalArgumentException e) {
                    diagnostics.unsupported(v.position(), e.getMessage() + "; the line '" + s.text() + "' is skipped",
                            "keepalived skips it too");
                    return null;
                }
            }
        }
        return node;
    }

    private static List<Token> words(Statement s) {
        List<Token> all = new java.util.ArrayList<>();
        all.add(s.keyword());
        all.addAll(s.args());
        return all;
    }

    /** A statement whose arguments are all of {@code words} (the keyword included), to read them uniformly. */
    private static Statement asArgs(Statement s, List<Token> words) {
        return new Statement(s.keyword(), words, null);
    }
}
