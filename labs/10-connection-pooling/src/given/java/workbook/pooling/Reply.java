package workbook.pooling;

/** What an endpoint answers: an HTTP status and a short body. */
public record Reply(int status, String body) {

    public static Reply ok(String body) {
        return new Reply(200, body);
    }

    public static Reply notFound(String what) {
        return new Reply(404, what + " not found");
    }
}
