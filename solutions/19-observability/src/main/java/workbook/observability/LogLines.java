package workbook.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Structured logs: every line one JSON object that a log store can index and join on trace_id. */
public final class LogLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {
    }

    /**
     * One log line (no line break inside it) with the fields {@code time} (ISO-8601), {@code service},
     * {@code trace_id}, {@code span_id} and {@code message}.
     */
    public static String json(Instant time, String service, SpanContext context, String message) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", time.toString())
                .put("service", service)
                .put("trace_id", context.traceId())
                .put("span_id", context.spanId())
                .put("message", message);
        // Jackson escapes quotes, backslashes and control characters, so a message with a newline
        // stays on one line and the line stays valid JSON.
        return line.toString();
    }
}
