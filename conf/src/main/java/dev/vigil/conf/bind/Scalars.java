package dev.vigil.conf.bind;

import dev.vigil.conf.model.AddressRange;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.IpPrefix;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Converts scalar text to the model's value types and back; the one place that knows their syntax. */
public final class Scalars {
    private static final List<String> TRUE = List.of("true", "yes", "on");
    private static final List<String> FALSE = List.of("false", "no", "off");

    private Scalars() {
    }

    /** True for the types a scalar converts to. */
    public static boolean isScalar(Class<?> type) {
        return type == String.class || type == int.class || type == Integer.class || type == long.class
                || type == Long.class || type == boolean.class || type == Boolean.class || type == Duration.class
                || type.isEnum() || type == IpAddress.class || type == IpPrefix.class || type == AddressRange.class;
    }

    /** Converts {@code text}; throws {@link IllegalArgumentException} with a message saying what was expected. */
    public static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return (int) parseLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return parseLong(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return parseBoolean(text);
        }
        if (type == Duration.class) {
            return parseSeconds(text);
        }
        if (type.isEnum()) {
            return parseEnum(text, type);
        }
        if (type == IpAddress.class) {
            return IpAddress.parse(text);
        }
        if (type == IpPrefix.class) {
            return IpPrefix.parse(text);
        }
        if (type == AddressRange.class) {
            return AddressRange.parse(text);
        }
        throw new IllegalStateException("not a scalar type: " + type);
    }

    /** The text a value is written as; {@code parse(format(v), type)} gives {@code v} back. */
    public static String format(Object value) {
        if (value instanceof Duration d) {
            return new BigDecimal(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** A duration in seconds as a number, for range checks. */
    public static BigDecimal seconds(Duration d) {
        return new BigDecimal(d.toNanos()).movePointLeft(9);
    }

    private static long parseLong(String text, long min, long max) {
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer, got '" + text + "'");
        }
    }

    private static boolean parseBoolean(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(t)) {
            return true;
        }
        if (FALSE.contains(t)) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    }

    private static Duration parseSeconds(String text) {
        try {
            BigDecimal s = new BigDecimal(text);
            if (s.signum() < 0 || s.scale() > 6) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(s.movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected seconds (a number such as 1 or 0.5, at most 6 decimals), got '"
                    + text + "'");
        }
    }

    private static Object parseEnum(String text, Class<?> type) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        String hint = Suggestions.hint(text, names);
        throw new IllegalArgumentException("expected one of " + String.join(", ", names) + ", got '" + text + "'"
                + (hint.isEmpty() ? "" : "; " + hint));
    }
}
