package dev.vigil.conf;

import java.util.regex.Pattern;

/** The two configuration formats, told apart by content. */
public enum ConfigFormat {
    YAML, KEEPALIVED;

    private static final Pattern YAML_LINE = Pattern.compile("^(---|-\\s|[A-Za-z_][\\w.-]*\\s*:(\\s|$)).*");

    /** YAML when the first line that is not blank or a comment is a YAML key, list item or document start. */
    public static ConfigFormat detect(String text) {
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            return YAML_LINE.matcher(t).matches() || t.equals("-") ? YAML : KEEPALIVED;
        }
        return YAML;
    }
}
