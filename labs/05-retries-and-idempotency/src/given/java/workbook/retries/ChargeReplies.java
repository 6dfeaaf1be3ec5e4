package workbook.retries;

/**
 * The replies of {@code POST /v1/charges}, as the IETF Idempotency-Key draft
 * (draft-ietf-httpapi-idempotency-key-header) names them: 400 without a key, 422 for a key reused
 * with another body, 409 while the first request with the key is still being processed.
 */
public final class ChargeReplies {
    /** Stripe's name for the header that marks a reply as a replay of a stored one. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private ChargeReplies() {
    }

    public static Reply created(String receipt) {
        return Reply.of(201, receipt).withHeader("Content-Type", "application/json");
    }

    /** A stored reply, sent again for a repeat of its request. */
    public static Reply replay(int status, String body) {
        return Reply.of(status, body).withHeader("Content-Type", "application/json").withHeader(REPLAYED, "true");
    }

    public static Reply badRequest(String detail) {
        return problem(400, "Bad request", detail);
    }

    public static Reply missingKey() {
        return problem(400, "Idempotency-Key is missing", "send an Idempotency-Key header with every POST /v1/charges");
    }

    public static Reply keyReused() {
        return problem(422, "Idempotency-Key reused",
                "this key was first sent with another request body; retry with the same body, or use a new key for a new charge");
    }

    public static Reply inProgress() {
        return problem(409, "Request in progress",
                "a request with this key is still being processed; retry later").withHeader("Retry-After", "1");
    }

    private static Reply problem(int status, String title, String detail) {
        return Reply.of(status, "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .withHeader("Content-Type", "application/problem+json");
    }
}
