package workbook.gateway;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Task 4: an aggregate endpoint's calls. All parts are called at once, so the answer takes about
 * as long as the slowest part rather than their sum; each part waits at most its own timeout. A part
 * that fails, times out or answers anything but 200 is missing from a partial answer, unless it is
 * required: then {@link RequiredPartFailed} (the gateway answers 504).
 */
public final class FanOut {
    private final Upstreams upstreams;

    public FanOut(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** Calls every part (tagged with {@code requestId}) and returns their bodies by name, in the parts' order. */
    public Aggregate aggregate(List<Part> parts, String requestId) {
        // Start every call before waiting for any: the waits overlap instead of adding up.
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (Part part : parts) {
            calls.add(upstreams.call(part.service(), part.path(), requestId, part.timeout()));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            HttpResponse<String> response = answerOrNull(calls.get(i));
            if (response != null && response.statusCode() == 200) {
                bodies.put(part.name(), response.body());
            } else if (part.required()) {
                throw new RequiredPartFailed(part.name());
            } else {
                missing.add(part.name());
            }
        }
        return new Aggregate(bodies, missing);
    }

    /** The answer, or null when the call failed or timed out (its own timeout, set on the request). */
    private static HttpResponse<String> answerOrNull(CompletableFuture<HttpResponse<String>> call) {
        try {
            return call.join();
        } catch (CompletionException failed) {
            return null;
        }
    }
}
