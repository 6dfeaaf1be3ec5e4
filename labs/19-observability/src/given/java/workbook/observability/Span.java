package workbook.observability;

/**
 * One finished span as the collector receives it. Times are nanoseconds on one clock shared by the
 * three in-JVM services (in production each host has its own clock, see the lab sheet).
 *
 * @param parentId null for a span that starts the trace
 * @param error    true when the work ended in an error (a 5xx answer, a failed query)
 */
public record Span(String traceId, String spanId, String parentId, String service, String name,
                   long startNanos, long endNanos, boolean error) {
    public long durationNanos() {
        return endNanos - startNanos;
    }

    @Override
    public String toString() {
        return service + " " + name + " (" + durationNanos() / 1_000_000 + " ms, span " + spanId + ")";
    }
}
