package dev.vigil.conf.bind;

import dev.vigil.conf.model.Doc;
import dev.vigil.conf.model.Range;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * One component of a model record as the configuration sees it.
 *
 * @param type         the component's type, or the element type of a list
 * @param defaultValue the text of the default, or null
 * @param flag         what a keepalived keyword without an argument stands for, or null
 * @param range        the allowed range, or null
 * @param doc          the documentation, or null
 */
public record Field(RecordComponent component, String key, List<String> aliases, FieldKind kind, Class<?> type,
                    String defaultValue, String flag, Range range, boolean required, boolean primary, Doc doc) {
    public Field {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(key, "key");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
    }

    /** True when {@code name} is this field's key or one of its aliases. */
    public boolean accepts(String name) {
        return key.equals(name) || aliases.contains(name);
    }

    /** True for fields written under a key of their own. */
    public boolean hasKey() {
        return kind != FieldKind.NAME && kind != FieldKind.POSITION && kind != FieldKind.INLINE;
    }

    /** The value of this field read from the record. */
    public Object get(Record r) {
        try {
            return component.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
