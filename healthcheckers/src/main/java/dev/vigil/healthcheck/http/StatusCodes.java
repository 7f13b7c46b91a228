package dev.vigil.healthcheck.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The status codes a URL may answer with, as keepalived's {@code status_code} writes them:
 * codes and ranges separated by spaces or commas ({@code 200 300-399 503}); 200-299 by default.
 */
public record StatusCodes(List<int[]> ranges, String text) {
    public static final StatusCodes DEFAULT = new StatusCodes(List.of(new int[] {200, 299}), "200-299");

    public StatusCodes {
        ranges = List.copyOf(ranges);
    }

    /** Parses {@code text}; throws IllegalArgumentException naming the bad part. */
    public static StatusCodes parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("'" + part + "' is not a status code or range");
            }
            int lo = code(ends[0], part);
            int hi = ends.length == 2 ? code(ends[1], part) : lo;
            if (hi < lo) {
                throw new IllegalArgumentException("range '" + part + "' ends before it starts");
            }
            ranges.add(new int[] {lo, hi});
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no status code given");
        }
        return new StatusCodes(ranges, String.join(" ", text.trim().split("[\\s,]+")));
    }

    private static int code(String s, String part) {
        try {
            int c = Integer.parseInt(s);
            if (c >= 100 && c <= 999) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + part + "' is not a status code or range (100-999)");
    }

    public boolean accepts(int status) {
        return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
    }

    @Override
    public String toString() {
        return text;
    }
}
