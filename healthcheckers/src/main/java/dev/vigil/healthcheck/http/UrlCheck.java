package dev.vigil.healthcheck.http;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code url} block of HTTP_GET / SSL_GET.
 *
 * @param path           the request path
 * @param statusCodes    accepted status codes
 * @param digest         expected MD5 of the body, lower-case hex (keepalived's {@code genhash})
 * @param regex          a pattern the body must contain (must not, with {@code regexNoMatch})
 * @param regexMinOffset first body offset a match may start at
 * @param regexMaxOffset last body offset a match may start at
 * @param virtualhost    the Host header for this URL, overriding the checker's
 */
public record UrlCheck(String path, StatusCodes statusCodes, Optional<String> digest, Optional<Pattern> regex,
                       boolean regexNoMatch, int regexMinOffset, int regexMaxOffset, Optional<String> virtualhost) {
    /** How much of a body is kept for the regular expression. */
    static final int MAX_REGEX_BODY = 1 << 20;

    public UrlCheck {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCodes, "statusCodes");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(virtualhost, "virtualhost");
    }

    /** Reads a {@code url} section, adding its problems to {@code problems}. */
    static UrlCheck read(Section url, List<ConfigProblem> problems) {
        SectionReader r = new SectionReader(url);
        String path = r.required("path");
        StatusCodes codes = StatusCodes.DEFAULT;
        Optional<String> status = r.string("status_code");
        if (status.isPresent()) {
            try {
                codes = StatusCodes.parse(status.get());
            } catch (IllegalArgumentException e) {
                r.problem("status_code", "status_code: " + e.getMessage());
            }
        }
        Optional<String> digest = r.string("digest").map(d -> d.trim().toLowerCase(Locale.ROOT));
        if (digest.isPresent() && !isMd5(digest.get())) {
            r.problem("digest", "digest must be 32 hex digits (an MD5), not '" + digest.get() + "'");
        }
        Optional<Pattern> regex = regex(r);
        boolean noMatch = r.bool("regex_no_match", false);
        int min = (int) r.integer("regex_min_offset", 0, 0, Integer.MAX_VALUE);
        int max = (int) r.integer("regex_max_offset", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        r.string("regex_stack"); // PCRE JIT stack sizes: nothing to size in java.util.regex
        Optional<String> vhost = r.string("virtualhost");
        problems.addAll(r.finish());
        return new UrlCheck(path.isEmpty() ? "/" : path, codes, digest, regex, noMatch, min, max, vhost);
    }

    private static boolean isMd5(String s) {
        if (s.length() != 32) {
            return false;
        }
        try {
            HexFormat.of().parseHex(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Pattern> regex(SectionReader r) {
        Optional<String> text = r.string("regex");
        int flags = 0;
        for (String option : r.string("regex_options", "").trim().split("\\s+")) {
            switch (option) {
                case "" -> { }
                case "caseless" -> flags |= Pattern.CASE_INSENSITIVE;
                case "multiline" -> flags |= Pattern.MULTILINE;
                case "dotall" -> flags |= Pattern.DOTALL;
                case "extended" -> flags |= Pattern.COMMENTS;
                case "ucp" -> flags |= Pattern.UNICODE_CHARACTER_CLASS;
                case "utf" -> flags |= Pattern.UNICODE_CASE;
                default -> r.problem("regex_options", "regex option '" + option
                        + "' is not supported (caseless, multiline, dotall, extended, ucp, utf are)");
            }
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(text.get(), flags));
        } catch (PatternSyntaxException e) {
            r.problem("regex", "regex does not compile: " + e.getDescription() + " at index " + e.getIndex());
            return Optional.empty();
        }
    }
}
