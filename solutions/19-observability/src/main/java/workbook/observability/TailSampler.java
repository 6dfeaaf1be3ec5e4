package workbook.observability;

import java.time.Duration;
import java.util.List;

/**
 * Tail-based sampling at the collector: decided once the whole trace is in, so that every error and
 * every slow trace is kept, and only a fixed share of the ordinary ones.
 */
public final class TailSampler {
    private final long slowNanos;
    private final long keepBelow;

    /**
     * @param slow  a trace at least this long (latest end minus earliest start) is always kept
     * @param ratio the share of the other traces to keep, 0..1
     */
    public TailSampler(Duration slow, double ratio) {
        this.slowNanos = slow.toNanos();
        this.keepBelow = (long) (ratio * Long.MAX_VALUE);
    }

    /**
     * Whether to keep the trace: yes if any span is an error or the trace is slow; otherwise keep it
     * when the last 16 hex digits of its trace id, read as a 64-bit number without its top bit, fall
     * below {@code ratio} of the range. The same trace id gets the same answer on every collector.
     */
    public boolean keep(List<Span> trace) {
        if (trace.stream().anyMatch(Span::error)) {
            return true;
        }
        long start = trace.stream().mapToLong(Span::startNanos).min().orElseThrow();
        long end = trace.stream().mapToLong(Span::endNanos).max().orElseThrow();
        if (end - start >= slowNanos) {
            return true;
        }
        String traceId = trace.get(0).traceId();
        long random = Long.parseUnsignedLong(traceId.substring(16), 16) & Long.MAX_VALUE;
        return random < keepBelow;
    }
}
