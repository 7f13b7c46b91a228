package dev.vigil.conf.validate;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.bind.Scalars;
import dev.vigil.conf.bind.Suggestions;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A {@link SectionValidator} declared as a list of keys with their types: enough for most plugin sections. */
public final class SectionSchema implements SectionValidator {
    private final SectionKind kind;
    private final String type;
    private final Map<String, Param> params;

    private SectionSchema(SectionKind kind, String type, Map<String, Param> params) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.params = Map.copyOf(params);
    }

    public static Builder builder(SectionKind kind, String type) {
        return new Builder(kind, type);
    }

    @Override
    public SectionKind kind() {
        return kind;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void validate(Section section, Diagnostics diagnostics) {
        check(section.params(), params, type, diagnostics);
    }

    private static void check(MapNode map, Map<String, Param> params, String where, Diagnostics diagnostics) {
        for (MapNode.Entry e : map.entries()) {
            Param p = params.get(e.key());
            if (p == null) {
                diagnostics.error(e.keyPosition(), "unknown key '" + e.key() + "' in " + where,
                        Suggestions.hint(e.key(), params.keySet()));
            } else {
                p.check(e.value(), where + "." + e.key(), diagnostics);
            }
        }
        params.forEach((key, p) -> {
            if (p.required && map.get(key).isEmpty()) {
                diagnostics.error(map.position(), "missing required key '" + key + "' in " + where);
            }
        });
    }

    /** One key: a scalar of a type within a range, or a list of maps with their own keys. */
    private record Param(Class<?> type, BigDecimal min, BigDecimal max, List<String> oneOf,
                         Map<String, Param> nested, boolean required) {
        void check(ConfNode node, String at, Diagnostics diagnostics) {
            if (nested != null) {
                List<ConfNode> items = node instanceof ListNode l ? l.items() : List.of(node);
                for (ConfNode item : items) {
                    if (item instanceof MapNode m) {
                        SectionSchema.check(m, nested, at, diagnostics);
                    } else {
                        diagnostics.error(item.position(), at + ": expected a map, got " + item.kind());
                    }
                }
            } else if (node instanceof ScalarNode s) {
                checkScalar(s, at, diagnostics);
            } else {
                diagnostics.error(node.position(), at + ": expected a scalar, got " + node.kind());
            }
        }

        private void checkScalar(ScalarNode s, String at, Diagnostics diagnostics) {
            try {
                Object v = Scalars.parse(s.value(), type);
                BigDecimal n = v instanceof Number num ? BigDecimal.valueOf(num.longValue())
                        : v instanceof Duration d ? Scalars.seconds(d) : null;
                if (n != null && min != null && (n.compareTo(min) < 0 || n.compareTo(max) > 0)) {
                    diagnostics.error(s.position(), at + " " + s.value() + " is out of range " + min + ".." + max);
                }
                if (!oneOf.isEmpty() && !oneOf.contains(s.value())) {
                    diagnostics.error(s.position(), at + ": expected one of " + String.join(", ", oneOf) + ", got '"
                            + s.value() + "'", Suggestions.hint(s.value(), oneOf));
                }
            } catch (IllegalArgumentException e) {
                diagnostics.error(s.position(), at + ": " + e.getMessage());
            }
        }
    }

    /** Declares the keys of a section. */
    public static final class Builder {
        private final SectionKind kind;
        private final String type;
        private final Map<String, Param> params = new LinkedHashMap<>();

        private Builder(SectionKind kind, String type) {
            this.kind = kind;
            this.type = type;
        }

        public Builder string(String key) {
            return put(key, new Param(String.class, null, null, List.of(), null, false));
        }

        public Builder oneOf(String key, String... values) {
            return put(key, new Param(String.class, null, null, List.of(values), null, false));
        }

        public Builder bool(String key) {
            return put(key, new Param(Boolean.class, null, null, List.of(), null, false));
        }

        public Builder address(String key) {
            return put(key, new Param(IpAddress.class, null, null, List.of(), null, false));
        }

        public Builder integer(String key, long min, long max) {
            return put(key, new Param(Long.class, BigDecimal.valueOf(min), BigDecimal.valueOf(max), List.of(), null, false));
        }

        public Builder seconds(String key) {
            return put(key, new Param(Duration.class, null, null, List.of(), null, false));
        }

        /** A list of maps (or one map), each with the keys {@code item} declares. */
        public Builder list(String key, SectionSchema item) {
            return put(key, new Param(null, null, null, List.of(), item.params, false));
        }

        /** Marks an already declared key required. */
        public Builder required(String key) {
            Param p = params.get(key);
            params.put(key, new Param(p.type, p.min, p.max, p.oneOf, p.nested, true));
            return this;
        }

        public SectionSchema build() {
            return new SectionSchema(kind, type, params);
        }

        private Builder put(String key, Param p) {
            params.put(key, p);
            return this;
        }
    }
}
