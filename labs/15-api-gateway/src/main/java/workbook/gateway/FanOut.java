package workbook.gateway;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // Naive: one call after the other, and any failure fails the whole answer.
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Part part : parts) {
            HttpResponse<String> response = upstreams.call(part.service(), part.path(), requestId, part.timeout()).join();
            bodies.put(part.name(), response.body());
        }
        return new Aggregate(bodies, List.of());
    }
}
