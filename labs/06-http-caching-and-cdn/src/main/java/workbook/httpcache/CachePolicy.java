package workbook.httpcache;

/** Task 1: the {@code Cache-Control} the origin sends for each kind of content. */
public final class CachePolicy {
    private CachePolicy() {
    }

    /**
     * The {@code Cache-Control} field value for a response of this kind, or {@code null} to send
     * none.
     */
    public static String cacheControl(Content content) {
        // Where the shop starts: no header at all. No well-behaved cache keeps anything, so every
        // request reaches the origin (and a CDN configured to "cache everything" keeps everything).
        return null;
    }
}
