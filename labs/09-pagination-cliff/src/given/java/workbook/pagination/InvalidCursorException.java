package workbook.pagination;

/**
 * A cursor the server did not issue for this request: changed, truncated, garbage, signed with another
 * key, or issued for another sort order or filter. An HTTP API answers it with 400 Bad Request and
 * this message; it must never become a SQL error or a page of somebody else's data.
 */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }

    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
