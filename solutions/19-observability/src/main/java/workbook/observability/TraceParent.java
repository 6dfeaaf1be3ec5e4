package workbook.observability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} header: {@code version-traceid-parentid-flags}, for
 * example {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 */
public final class TraceParent {
    public static final String HEADER = "traceparent";

    /** The four fields of version 00, all lowercase hex: 2-32-16-2 digits, 55 characters in all. */
    private static final Pattern FIELDS = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final int LENGTH = 55;

    private TraceParent() {
    }

    /**
     * The caller's context carried by a header: its trace id, its span id (the header's parent-id,
     * returned as {@link SpanContext#spanId()}, with no parent of its own) and its flags; empty when
     * the header is absent or malformed.
     */
    public static Optional<SpanContext> parse(String header) {
        if (header == null || header.length() < LENGTH) {
            return Optional.empty();
        }
        Matcher fields = FIELDS.matcher(header.substring(0, LENGTH));
        if (!fields.matches()) {
            return Optional.empty();
        }
        String version = fields.group(1);
        // Version 00 is exactly 55 characters. A later version may append fields after a dash: a
        // version-00 reader keeps the four it knows. Version ff is forbidden.
        boolean longer = header.length() > LENGTH;
        if (version.equals("ff") || longer && (version.equals("00") || header.charAt(LENGTH) != '-')) {
            return Optional.empty();
        }
        String traceId = fields.group(2);
        String parentId = fields.group(3);
        if (allZeros(traceId) || allZeros(parentId)) {
            return Optional.empty();
        }
        return Optional.of(new SpanContext(traceId, parentId, null, Integer.parseInt(fields.group(4), 16)));
    }

    /** The header to send downstream so that the callee's spans become children of {@code context}'s span. */
    public static String format(SpanContext context) {
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + String.format("%02x", context.flags());
    }

    /**
     * The server span for an incoming request: a child of the caller's span when the header is
     * valid (same trace id and flags, a new span id), else the first span of a new, sampled trace.
     */
    public static SpanContext continueOrStart(String header, IdSource ids) {
        return parse(header)
                .map(caller -> child(caller, ids))
                .orElseGet(() -> new SpanContext(ids.newTraceId(), ids.newSpanId(), null, SpanContext.SAMPLED));
    }

    /** A new span inside {@code parent}'s trace, caused by {@code parent}. */
    public static SpanContext child(SpanContext parent, IdSource ids) {
        return new SpanContext(parent.traceId(), ids.newSpanId(), parent.spanId(), parent.flags());
    }

    private static boolean allZeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
