package dev.vigil.daemon.vip;

import dev.vigil.plugin.vip.VirtualAddress;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command template of the exec VIP backend, split into words once (spaces separate words; single
 * or double quotes keep spaces; no shell is involved) and expanded per address:
 * {@code %addr} the address, {@code %prefix} its prefix length, {@code %cidr} both as
 * {@code ADDR/PREFIX}, {@code %dev} the interface, {@code %label} the IPv4 label (empty when none),
 * {@code %scope}, {@code %instance} the VRRP instance, {@code %family} {@code 4} or {@code 6},
 * {@code %%} a percent sign.
 */
public final class ExecCommand {
    /** The placeholders a template may use, without their percent sign. */
    public static final List<String> PLACEHOLDERS = List.of("addr", "prefix", "cidr", "dev", "label", "scope",
            "instance", "family");

    private final String text;
    private final List<String> words;

    private ExecCommand(String text, List<String> words) {
        this.text = text;
        this.words = words;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is empty, has an unclosed quote or an unknown placeholder
     */
    public static ExecCommand parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> words = split(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        for (String w : words) {
            checkPlaceholders(w);
        }
        return new ExecCommand(text, List.copyOf(words));
    }

    /** The command line for {@code a}: one argument per word, placeholders replaced. */
    public List<String> argv(VirtualAddress a) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(expand(w, a));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    private static void checkPlaceholders(String word) {
        for (int i = word.indexOf('%'); i >= 0; i = word.indexOf('%', i + 1)) {
            if (i + 1 < word.length() && word.charAt(i + 1) == '%') {
                i++;
                continue;
            }
            String name = placeholderAt(word, i + 1);
            if (name == null) {
                throw new IllegalArgumentException("unknown placeholder in '" + word + "' (known: %"
                        + String.join(", %", PLACEHOLDERS) + ", %%)");
            }
        }
    }

    /** The longest placeholder name starting at {@code from}, or null. */
    private static String placeholderAt(String word, int from) {
        String best = null;
        for (String p : PLACEHOLDERS) {
            if (word.startsWith(p, from) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static String expand(String word, VirtualAddress a) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
            } else if (i + 1 < word.length() && word.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
            } else {
                String name = placeholderAt(word, i + 1);
                out.append(value(name, a));
                i += 1 + name.length();
            }
        }
        return out.toString();
    }

    private static String value(String name, VirtualAddress a) {
        String addr = dev.vigil.kernel.ipvs.IpAddresses.format(a.address());
        return switch (name) {
            case "addr" -> addr;
            case "prefix" -> Integer.toString(a.prefixLength());
            case "cidr" -> addr + "/" + a.prefixLength();
            case "dev" -> a.device();
            case "label" -> a.label().orElse("");
            case "scope" -> a.scope();
            case "instance" -> a.owner();
            case "family" -> a.address() instanceof Inet4Address ? "4" : "6";
            default -> throw new IllegalStateException(name);
        };
    }
}
