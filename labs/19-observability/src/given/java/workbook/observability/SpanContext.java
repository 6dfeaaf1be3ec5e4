package workbook.observability;

/**
 * Where a piece of work sits in a trace: the trace it belongs to, its own span id, the span that
 * caused it (null for the first span of a trace, or the caller's span id when the caller is outside
 * the lab), and the W3C trace flags (bit 0 is "sampled").
 *
 * @param traceId      32 lowercase hex digits, never all zero
 * @param spanId       16 lowercase hex digits, never all zero
 * @param parentSpanId the parent span's id, or null when this span starts a trace
 * @param flags        the trace-flags byte, 0..255
 */
public record SpanContext(String traceId, String spanId, String parentSpanId, int flags) {
    /** The "sampled" bit of the trace flags. */
    public static final int SAMPLED = 0x01;

    public boolean sampled() {
        return (flags & SAMPLED) != 0;
    }
}
