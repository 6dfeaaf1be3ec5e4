package workbook.restapi;

/** A query parameter the server cannot use (an unknown field, a bad cursor, a bad limit): 400. */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
