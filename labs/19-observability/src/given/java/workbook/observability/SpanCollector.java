package workbook.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lab's trace collector: the services send it every finished span; it groups them by trace. */
public final class SpanCollector {
    private final List<Span> spans = new ArrayList<>();

    public synchronized void accept(Span span) {
        spans.add(span);
    }

    /** Every span of one trace, in the order they finished. */
    public synchronized List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** All traces seen, by trace id, in the order their first span finished. */
    public synchronized Map<String, List<Span>> traces() {
        Map<String, List<Span>> byTrace = new LinkedHashMap<>();
        for (Span span : spans) {
            byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
        }
        return byTrace;
    }
}
