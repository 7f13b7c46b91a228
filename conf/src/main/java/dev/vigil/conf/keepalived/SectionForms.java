package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A keepalived checker block as a section map: {@code type} first, then each keyword as a key
 * (words after it joined by spaces, none meaning true), and nested blocks ({@code url}, {@code host})
 * as lists of maps. DNS_CHECK's {@code type} becomes {@code query_type}.
 */
final class SectionForms {
    /** keepalived's checker keywords Vigil runs. */
    static final Set<String> CHECKERS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK",
            "MISC_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK");
    /** keepalived's checker keywords Vigil does not run. */
    static final Set<String> UNSUPPORTED = Set.of("BFD_CHECK");

    private final Diagnostics diagnostics;

    SectionForms(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    MapNode checker(Statement s) {
        MapBuilder b = new MapBuilder(s.position(), diagnostics);
        b.set("type", s.position(), s.name());
        body(s, b, s.name().equals("DNS_CHECK"));
        return b.build();
    }

    private void body(Statement s, MapBuilder b, boolean dns) {
        for (Statement child : s.block() == null ? java.util.List.<Statement>of() : s.block()) {
            if (child.hasBlock()) {
                MapBuilder nested = new MapBuilder(child.position(), diagnostics);
                body(child, nested, false);
                b.add(child.name(), child.position(), nested.build());
            } else if (child.name().equals("weight") && child.args().size() == 2 && child.args().get(1).is("reverse")) {
                b.set("weight", child.position(), child.arg(0));
                b.set("reverse", child.args().get(1).position(), "true");
            } else {
                String key = dns && child.name().equals("type") ? "query_type" : child.name();
                String value = child.args().isEmpty() ? "true"
                        : child.args().stream().map(Token::text).collect(Collectors.joining(" "));
                b.set(key, child.position(), new ScalarNode(value, child.args().isEmpty()
                        ? child.position() : child.args().get(0).position()));
            }
        }
    }
}
