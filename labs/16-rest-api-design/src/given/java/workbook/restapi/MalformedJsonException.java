package workbook.restapi;

/** The request body is not JSON (a syntax error, or empty): the client must fix the request (400). */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
