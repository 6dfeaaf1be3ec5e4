package workbook.compute;

/** An HTTP answer of the data service: status, body, and the Retry-After seconds of a 503 (null otherwise). */
public record Reply(int status, String body, String retryAfter) {

    public static Reply ok(String body) {
        return new Reply(200, body, null);
    }

    public static Reply notFound(String body) {
        return new Reply(404, body, null);
    }

    /** 503 with Retry-After: 1: the service is busy, come back in a second. */
    public static Reply busy(String body) {
        return new Reply(503, body, "1");
    }

    public static Reply error(String body) {
        return new Reply(500, body, null);
    }
}
