package workbook.restapi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as {@link BookmarkServer} hands it to the API: the method, the raw path, the
 * decoded query parameters, the headers (names case-insensitive, first value of each), the body and
 * the authenticated user (the server has already refused a request without one with 401).
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String body, String user) {
    public ApiRequest {
        query = Map.copyOf(query);
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The media type of the body without its parameters, lower case: {@code "application/json"}; "" when absent. */
    public String mediaType() {
        String value = header("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
