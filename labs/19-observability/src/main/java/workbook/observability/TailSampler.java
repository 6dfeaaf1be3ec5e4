package workbook.observability;

import java.time.Duration;
import java.util.List;

/**
 * Tail-based sampling at the collector: decided once the whole trace is in, so that every error and
 * every slow trace is kept, and only a fixed share of the ordinary ones.
 */
public final class TailSampler {
    /**
     * @param slow  a trace at least this long (latest end minus earliest start) is always kept
     * @param ratio the share of the other traces to keep, 0..1
     */
    public TailSampler(Duration slow, double ratio) {
    }

    /**
     * Whether to keep the trace: yes if any span is an error or the trace is slow; otherwise keep it
     * when the last 16 hex digits of its trace id, read as a 64-bit number without its top bit, fall
     * below {@code ratio} of the range. The same trace id gets the same answer on every collector.
     */
    public boolean keep(List<Span> trace) {
        throw new UnsupportedOperationException("Task 5: keep errors and slow traces, and a share of the rest");
    }
}
