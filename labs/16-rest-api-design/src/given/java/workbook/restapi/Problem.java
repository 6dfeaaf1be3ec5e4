package workbook.restapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * An error in the one format of RFC 9457, Problem Details for HTTP APIs: a JSON object with
 * {@code type}, {@code title}, {@code status} and {@code detail}, sent as
 * {@code application/problem+json}, with an {@code errors} member (RFC 9457's own example of an
 * extension) when the request had invalid fields.
 */
public record Problem(String type, int status, String title, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The type of a problem that means no more than its status code (RFC 9457 section 4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(428, "Precondition Required"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"));

    public Problem {
        errors = List.copyOf(errors);
    }

    /** A problem that means what its status code means: type {@code about:blank}, the status phrase as its title. */
    public static Problem of(int status, String detail) {
        return new Problem(ABOUT_BLANK, status, PHRASES.getOrDefault(status, "Error"), detail, List.of());
    }

    /** A 422 whose {@code errors} list every invalid member of the request body. */
    public static Problem invalid(List<FieldError> errors) {
        return new Problem("https://bookmarks.example/problems/invalid-bookmark", 422, "Invalid bookmark",
                errors.size() + " member(s) of the request body are not valid", errors);
    }

    /** A 422: this Idempotency-Key was used before with another request body. */
    public static Problem keyReused(String key) {
        return new Problem("https://bookmarks.example/problems/idempotency-key-reused", 422, "Idempotency-Key reused",
                "the Idempotency-Key " + key + " was sent before with another request body; use a new key", List.of());
    }

    /** The response: this problem as {@code application/problem+json}. */
    public ApiResponse toResponse() {
        ObjectNode body = Json.object().put("type", type).put("title", title).put("status", status).put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(error -> list.addObject().put("pointer", error.pointer()).put("detail", error.detail()));
        }
        return new ApiResponse(status, Map.of("Content-Type", MEDIA_TYPE), Json.write(body));
    }
}
