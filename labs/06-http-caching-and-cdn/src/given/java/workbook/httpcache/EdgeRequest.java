package workbook.httpcache;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as an edge received it: method, URI (path and query), its cache key ({@link CacheKey},
 * Task 7) and its headers, looked up without regard to case. Given.
 */
public record EdgeRequest(String method, URI uri, String key, Map<String, List<String>> headers) {

    public static EdgeRequest of(String method, URI uri, Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return new EdgeRequest(method, uri, CacheKey.of(uri), copy);
    }

    /** The values of the header {@code name} joined with ", ", or {@code null} if the request has none. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    public boolean hasAuthorization() {
        return header("Authorization") != null;
    }
}
