package workbook.httpcache;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request as an edge received it: method, URI (path and query), its cache key and its headers. */
record EdgeRequest(String method, URI uri, String key, Map<String, List<String>> headers) {

    static EdgeRequest of(String method, URI uri, Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return new EdgeRequest(method, uri, CacheKey.of(uri), copy);
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    boolean hasAuthorization() {
        return header("Authorization") != null;
    }

    /** The values of the named headers, missing ones as "": what a Vary-ing response is keyed on. */
    Map<String, String> valuesOf(Collection<String> names) {
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            String value = header(name);
            values.put(name, value == null ? "" : value.strip());
        }
        return values;
    }
}
