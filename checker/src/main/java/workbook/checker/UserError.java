package workbook.checker;

/**
 * Something the person running the checker can fix: a missing folder, a bad option, an unreadable
 * submission. The message says what happened and what to do; the checker prints it alone (no stack
 * trace) and exits with code 2.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
