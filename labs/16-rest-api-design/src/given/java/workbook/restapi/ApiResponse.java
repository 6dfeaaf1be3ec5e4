package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A response for {@link BookmarkServer} to send: status, headers (one value each) and body ("" for none). */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    public ApiResponse {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    /** A response without a body: {@code ApiResponse.status(204)}. */
    public static ApiResponse status(int status) {
        return new ApiResponse(status, Map.of(), "");
    }

    /** A JSON body ({@code application/json}). */
    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), Json.write(body));
    }

    /** This response with one more header (or a header replaced). */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }

    /** This response with every header of {@code extra} added. */
    public ApiResponse withHeaders(Map<String, String> extra) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.putAll(extra);
        return new ApiResponse(status, more, body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
