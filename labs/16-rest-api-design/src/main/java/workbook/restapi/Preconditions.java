package workbook.restapi;

/** Task 5: entity tags and the two preconditions of RFC 9110 section 13.1 that this API honours. */
public final class Preconditions {
    private Preconditions() {
    }

    /**
     * The strong entity tag of a bookmark's current state, quoted: {@code "7-3"} for bookmark 7 at
     * version 3. Every change bumps the version, so the tag changes exactly when the representation does.
     */
    public static String etag(Bookmark bookmark) {
        throw new UnsupportedOperationException("Task 5: build the entity tag from the bookmark's id and version");
    }

    /**
     * {@code If-None-Match} on a GET: true when the client's copy is current, so the answer is 304.
     * It holds for {@code *} or when any listed tag equals {@code etag} by the weak comparison
     * ({@code W/} prefixes ignored: RFC 9110 section 13.1.2).
     */
    public static boolean noneMatchHits(String header, String etag) {
        throw new UnsupportedOperationException("Task 5: compare If-None-Match with the current entity tag");
    }

    /**
     * {@code If-Match} on a change: true when the client changes what it last saw, so the change may go
     * ahead; false means 412. It holds for {@code *} (the bookmark exists) or when a listed tag equals
     * {@code etag} by the strong comparison (RFC 9110 section 13.1.1): this API's tags are strong, so a
     * weak one such as {@code W/"7-3"} never equals them.
     */
    public static boolean matches(String header, String etag) {
        throw new UnsupportedOperationException("Task 5: compare If-Match with the current entity tag");
    }
}
