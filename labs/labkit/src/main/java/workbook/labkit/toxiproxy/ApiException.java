package workbook.labkit.toxiproxy;

/** An API failure with the HTTP status Toxiproxy uses for it; rendered as {@code {"error": ..., "status": ...}}. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
