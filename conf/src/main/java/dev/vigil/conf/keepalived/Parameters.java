package dev.vigil.conf.keepalived;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * keepalived's parameter substitution: {@code ${NAME}} anywhere and {@code $NAME} before whitespace
 * or the end of the line, repeated while values contain more; undefined names stay as written.
 */
final class Parameters {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_]\\w*)}|\\$([A-Za-z_]\\w*)(?=\\s|$)");
    private static final int MAX_ROUNDS = 64;

    private Parameters() {
    }

    static String substitute(String text, Map<String, String> params) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Matcher m = REFERENCE.matcher(current);
            StringBuilder sb = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String value = params.get(name);
                if (value != null) {
                    changed = true;
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(sb);
            if (!changed) {
                return current;
            }
            current = sb.toString();
        }
        return current;
    }
}
