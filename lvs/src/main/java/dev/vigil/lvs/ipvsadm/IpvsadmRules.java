package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpvsOp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses ipvsadm rules: what {@code ipvsadm -R} reads and {@code ipvsadm -S} writes. One command
 * per line in ipvsadm's own option syntax (short or long options: {@code -A -t 10.0.0.1:80 -s wrr},
 * {@code --add-server --tcp-service 10.0.0.1:80 --real-server 10.0.0.2 --masquerading}), an
 * optional leading {@code ipvsadm}; blank lines and lines starting with {@code #} are skipped.
 * Every line is parsed before anything is returned: a malformed line fails the whole file with
 * {@link IpvsadmException} listing each bad line's number and reason.
 */
public final class IpvsadmRules {
    private IpvsadmRules() {
    }

    /** One rule: its 1-based line number, its text and the table operation it means. */
    public record Rule(int line, String text, IpvsOp op) {
        public Rule {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(op, "op");
        }
    }

    public static List<Rule> parse(String text) {
        return parse(new StringReader(text));
    }

    public static List<Rule> parse(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        List<Rule> rules = new ArrayList<>();
        List<IpvsadmException.LineError> errors = new ArrayList<>();
        ServiceKeyMemo memo = new ServiceKeyMemo();
        try {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                try {
                    IpvsOp op = parseLine(line, memo);
                    if (op != null) {
                        rules.add(new Rule(n, line, op));
                    }
                } catch (BadRuleException e) {
                    errors.add(new IpvsadmException.LineError(n, line, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new IpvsadmException(errors.size() == 1 ? "malformed rule" : errors.size() + " malformed rules",
                    errors);
        }
        return rules;
    }

    /** The operation of one line; {@code null} for blank and comment lines. */
    static IpvsOp parseLine(String line) {
        return parseLine(line, new ServiceKeyMemo());
    }

    private static IpvsOp parseLine(String line, ServiceKeyMemo memo) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        List<String> args = tokens(s);
        return RuleParser.parse(args.get(0).equals("ipvsadm") ? args.subList(1, args.size()) : args, memo);
    }

    /** Splits on whitespace (no quoting, as ipvsadm -R). */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(12);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && space(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !space(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** {@link Character#isWhitespace}, without its table lookup for printable ASCII. */
    private static boolean space(char c) {
        return c == ' ' || (c < '!' || c > '~') && Character.isWhitespace(c);
    }
}
