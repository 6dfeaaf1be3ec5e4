package workbook.retries;

import java.util.Optional;

/**
 * An HTTP request as the retrying client sees it: the method, the path, a body, and the
 * {@code Idempotency-Key} it carries, if any.
 */
public record Request(String method, String path, String body, Optional<String> idempotencyKey) {

    public static Request get(String path) {
        return new Request("GET", path, "", Optional.empty());
    }

    public static Request post(String path, String body) {
        return new Request("POST", path, body, Optional.empty());
    }

    /** The same request with an {@code Idempotency-Key} header. */
    public Request withIdempotencyKey(String key) {
        return new Request(method, path, body, Optional.of(key));
    }
}
