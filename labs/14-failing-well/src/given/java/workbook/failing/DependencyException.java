package workbook.failing;

/**
 * A call to a dependency that did not give a usable answer: it timed out, the connection failed, or
 * the dependency answered with a status other than 2xx ({@link #status()} is then that status, else 0).
 */
public class DependencyException extends RuntimeException {
    private final int status;

    public DependencyException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public DependencyException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public DependencyException(String message, int status) {
        this(message, status, null);
    }

    /** The dependency's status when it answered with a non-2xx one; 0 when it did not answer. */
    public int status() {
        return status;
    }
}
