package dev.vigil.conf.yaml;

import java.util.regex.Pattern;

/** Writes a scalar plain when YAML reads it back unchanged, double-quoted otherwise. */
final class YamlScalars {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.$(][A-Za-z0-9_./@:+=,$()\\[\\]-]*( [A-Za-z0-9_./@:+=,$()\\[\\]-]+)*");
    private static final Pattern SPECIAL = Pattern.compile("(?i)null|~|true|false|yes|no|on|off|[-+]?(\\.inf|\\.nan)");

    private YamlScalars() {
    }

    static String quote(String s) {
        if (!s.isEmpty() && PLAIN.matcher(s).matches() && !s.endsWith(":") && !s.contains(": ")
                && !SPECIAL.matcher(s).matches()) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Booleans and numbers read back as themselves; written plain. */
    static String value(Object v, String text) {
        return v instanceof Boolean || v instanceof Number ? text : quote(text);
    }
}
