package dev.vigil.conf.bind;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.model.Default;
import dev.vigil.conf.model.Doc;
import dev.vigil.conf.model.Flag;
import dev.vigil.conf.model.Inline;
import dev.vigil.conf.model.Key;
import dev.vigil.conf.model.Named;
import dev.vigil.conf.model.Primary;
import dev.vigil.conf.model.Range;
import dev.vigil.conf.model.Required;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.MapNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The keys of one model record, read once from its components and annotations. */
public final class RecordSchema {
    private static final Map<Class<?>, RecordSchema> CACHE = new ConcurrentHashMap<>();

    private final Class<? extends Record> type;
    private final List<Field> fields;
    private final Constructor<?> constructor;

    private RecordSchema(Class<? extends Record> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.fields = Arrays.stream(components).map(RecordSchema::field).toList();
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type, e);
        }
    }

    /** The schema of a model record. */
    public static RecordSchema of(Class<? extends Record> type) {
        return CACHE.computeIfAbsent(type, t -> new RecordSchema(type));
    }

    public Class<? extends Record> type() {
        return type;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Every key this record reads, including those of inline records. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Field f : fields) {
            if (f.kind() == FieldKind.INLINE) {
                keys.addAll(of(recordType(f)).keys());
            } else if (f.hasKey()) {
                keys.add(f.key());
            }
        }
        return keys;
    }

    /** The field (perhaps inside an inline record) that reads {@code name} as its key or alias. */
    public Optional<Field> find(String name) {
        for (Field f : fields) {
            if (f.kind() == FieldKind.INLINE) {
                Optional<Field> inner = of(recordType(f)).find(name);
                if (inner.isPresent()) {
                    return inner;
                }
            } else if (f.hasKey() && f.accepts(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Builds the record from one value per component. */
    public Record construct(Object[] values) throws ReflectiveOperationException {
        return (Record) constructor.newInstance(values);
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Record> recordType(Field f) {
        return (Class<? extends Record>) f.type();
    }

    private static Field field(RecordComponent c) {
        Key key = c.getAnnotation(Key.class);
        String name = key != null && !key.value().isEmpty() ? key.value() : snake(c.getName());
        List<String> aliases = key == null ? List.of() : List.of(key.aliases());
        Class<?> raw = c.getType();
        Class<?> element = raw == List.class ? elementType(c) : raw;
        FieldKind kind = kind(c, raw, element);
        Default def = c.getAnnotation(Default.class);
        Flag flag = c.getAnnotation(Flag.class);
        boolean primary = c.isAnnotationPresent(Primary.class);
        boolean required = primary || c.isAnnotationPresent(Required.class) || (raw.isPrimitive() && def == null
                && raw != boolean.class);
        return new Field(c, name, aliases, kind, element, def == null ? null : def.value(),
                flag == null ? null : flag.value(), c.getAnnotation(Range.class), required, primary,
                c.getAnnotation(Doc.class));
    }

    private static FieldKind kind(RecordComponent c, Class<?> raw, Class<?> element) {
        if (raw == SourcePosition.class) {
            return FieldKind.POSITION;
        }
        if (c.getName().equals("name") && raw == String.class && !c.isAnnotationPresent(Primary.class)) {
            return FieldKind.NAME;
        }
        if (raw == MapNode.class) {
            return FieldKind.TREE;
        }
        if (raw == List.class) {
            if (Scalars.isScalar(element)) {
                return FieldKind.SCALAR_LIST;
            }
            if (element == Section.class) {
                return FieldKind.SECTION_LIST;
            }
            return c.isAnnotationPresent(Named.class) ? FieldKind.NAMED_LIST : FieldKind.RECORD_LIST;
        }
        if (raw == Section.class) {
            return FieldKind.SECTION;
        }
        if (Scalars.isScalar(raw)) {
            return FieldKind.SCALAR;
        }
        return c.isAnnotationPresent(Inline.class) ? FieldKind.INLINE : FieldKind.RECORD;
    }

    private static Class<?> elementType(RecordComponent c) {
        return (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    }

    /** {@code virtualRouterId} becomes {@code virtual_router_id}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
