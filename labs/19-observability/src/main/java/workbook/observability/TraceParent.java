package workbook.observability;

import java.util.Optional;

/**
 * The W3C Trace Context {@code traceparent} header: {@code version-traceid-parentid-flags}, for
 * example {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 */
public final class TraceParent {
    public static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /**
     * The caller's context carried by a header: its trace id, its span id (the header's parent-id,
     * returned as {@link SpanContext#spanId()}, with no parent of its own) and its flags; empty when
     * the header is absent or malformed.
     */
    public static Optional<SpanContext> parse(String header) {
        throw new UnsupportedOperationException("Task 1: parse a traceparent header by the W3C rules (empty when malformed)");
    }

    /** The header to send downstream so that the callee's spans become children of {@code context}'s span. */
    public static String format(SpanContext context) {
        throw new UnsupportedOperationException("Task 1: write the version-00 traceparent of a span");
    }

    /**
     * The server span for an incoming request: a child of the caller's span when the header is
     * valid (same trace id and flags, a new span id), else the first span of a new, sampled trace.
     */
    public static SpanContext continueOrStart(String header, IdSource ids) {
        throw new UnsupportedOperationException("Task 1: continue the caller's trace, or start a new one");
    }

    /** A new span inside {@code parent}'s trace, caused by {@code parent}. */
    public static SpanContext child(SpanContext parent, IdSource ids) {
        throw new UnsupportedOperationException("Task 1: make a child span of the same trace");
    }
}
