package workbook.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Task 3: one id per request, from the client's X-Request-Id when it is well formed (8 to 64 of
 * {@code A-Z a-z 0-9 . _ -}) or a new one otherwise; sent to every service in X-Request-Id; the start
 * of every log line ({@code request_id=<id> <event>}); a field of every error body
 * ({@code {"status":404,"error":"...","request_id":"<id>"}}).
 */
public final class CorrelationIds implements RequestIds {
    /** Short enough for a log line, and nothing that could break a header, a log or a JSON string. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> newIds;

    /** @param newIds makes a fresh id when the client sent none, or one that is not well formed */
    public CorrelationIds(Supplier<String> newIds) {
        this.newIds = newIds;
    }

    @Override
    public String idFor(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newIds.get();
    }

    @Override
    public void tag(HttpRequest.Builder request, String id) {
        request.header(HEADER, id);
    }

    @Override
    public String logLine(String id, String event) {
        return "request_id=" + id + " " + event;
    }

    @Override
    public String errorBody(String id, int status, String message) {
        return JSON.createObjectNode().put("status", status).put("error", message).put("request_id", id).toString();
    }
}
