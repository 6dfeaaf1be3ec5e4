package workbook.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one trace (all its spans) and says where the time went. */
public final class TraceAnalysis {
    private TraceAnalysis() {
    }

    /**
     * Each span's self time in nanoseconds, by span id: its duration minus the time during which at
     * least one of its children was running (children clipped to the parent, overlaps counted once).
     */
    public static Map<String, Long> selfTimes(List<Span> trace) {
        Map<String, Long> self = new LinkedHashMap<>();
        for (Span span : trace) {
            self.put(span.spanId(), span.durationNanos() - coveredByChildren(span, childrenOf(span, trace)));
        }
        return self;
    }

    /** The span with the largest self time: where the time was spent, not merely waited. */
    public static Span slowestBySelfTime(List<Span> trace) {
        Map<String, Long> self = selfTimes(trace);
        return trace.stream().max(Comparator.comparingLong(s -> self.get(s.spanId()))).orElseThrow();
    }

    /**
     * The critical path, root first: from the root span, step each time to the child that finished
     * last (the one its parent waited for), down to a span with no children.
     */
    public static List<Span> criticalPath(List<Span> trace) {
        Set<String> ids = trace.stream().map(Span::spanId).collect(Collectors.toSet());
        // The root is the span whose parent is not in the trace (none, or a caller outside it).
        Span step = trace.stream().filter(s -> !ids.contains(s.parentId()))
                .min(Comparator.comparingLong(Span::startNanos)).orElseThrow();
        List<Span> path = new ArrayList<>();
        while (step != null) {
            path.add(step);
            step = childrenOf(step, trace).stream().max(Comparator.comparingLong(Span::endNanos)).orElse(null);
        }
        return path;
    }

    private static List<Span> childrenOf(Span parent, List<Span> trace) {
        return trace.stream().filter(s -> parent.spanId().equals(s.parentId())).toList();
    }

    /** Nanoseconds of the parent's interval during which at least one child ran. */
    private static long coveredByChildren(Span parent, List<Span> children) {
        List<Span> byStart = children.stream().sorted(Comparator.comparingLong(Span::startNanos)).toList();
        long covered = 0;
        long reached = parent.startNanos(); // everything before this instant is already counted
        for (Span child : byStart) {
            long from = Math.max(child.startNanos(), reached);
            long to = Math.min(child.endNanos(), parent.endNanos());
            if (to > from) {
                covered += to - from;
                reached = to;
            }
        }
        return covered;
    }
}
