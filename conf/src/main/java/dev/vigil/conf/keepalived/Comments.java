package dev.vigil.conf.keepalived;

/** keepalived comments: {@code !} or {@code #} outside quotes start a comment that runs to the end of the line. */
final class Comments {
    private Comments() {
    }

    /** The line without its comment. */
    static String strip(String line) {
        int at = start(line);
        return at < 0 ? line : line.substring(0, at);
    }

    /** The comment's text without its comment character and surrounding blanks. */
    static String text(String line) {
        int at = start(line);
        return at < 0 ? "" : line.substring(at + 1).strip();
    }

    private static int start(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '!' || c == '#') {
                return i;
            }
        }
        return -1;
    }
}
