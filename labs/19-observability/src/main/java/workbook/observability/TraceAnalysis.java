package workbook.observability;

import java.util.List;
import java.util.Map;

/** Reads one trace (all its spans) and says where the time went. */
public final class TraceAnalysis {
    private TraceAnalysis() {
    }

    /**
     * Each span's self time in nanoseconds, by span id: its duration minus the time during which at
     * least one of its children was running (children clipped to the parent, overlaps counted once).
     */
    public static Map<String, Long> selfTimes(List<Span> trace) {
        throw new UnsupportedOperationException("Task 2: compute each span's self time");
    }

    /** The span with the largest self time: where the time was spent, not merely waited. */
    public static Span slowestBySelfTime(List<Span> trace) {
        throw new UnsupportedOperationException("Task 2: find the span with the largest self time");
    }

    /**
     * The critical path, root first: from the root span, step each time to the child that finished
     * last (the one its parent waited for), down to a span with no children.
     */
    public static List<Span> criticalPath(List<Span> trace) {
        throw new UnsupportedOperationException("Task 2: walk the critical path from the root");
    }
}
