package workbook.gateway;

import java.net.http.HttpRequest;
import java.util.function.Supplier;

/**
 * Task 3: one id per request, from the client's X-Request-Id when it is well formed (8 to 64 of
 * {@code A-Z a-z 0-9 . _ -}) or a new one otherwise; sent to every service in X-Request-Id; the start
 * of every log line ({@code request_id=<id> <event>}); a field of every error body
 * ({@code {"status":404,"error":"...","request_id":"<id>"}}).
 */
public final class CorrelationIds implements RequestIds {
    private final Supplier<String> newIds;

    /** @param newIds makes a fresh id when the client sent none, or one that is not well formed */
    public CorrelationIds(Supplier<String> newIds) {
        this.newIds = newIds;
    }

    @Override
    public String idFor(String incoming) {
        // Naive: trusts whatever the client sent, and has nothing when it sent nothing.
        return incoming;
    }

    @Override
    public void tag(HttpRequest.Builder request, String id) {
        // Naive: the services never hear of the id.
    }

    @Override
    public String logLine(String id, String event) {
        return event;
    }

    @Override
    public String errorBody(String id, int status, String message) {
        return "{\"status\":" + status + "}";
    }
}
