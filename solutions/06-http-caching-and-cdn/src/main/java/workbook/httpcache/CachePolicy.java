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
        return switch (content) {
            // The URL changes whenever the bytes do, so a copy can never be out of date: keep it a
            // year and tell browsers not even to revalidate it on reload.
            case STATIC_ASSET -> "public, max-age=31536000, immutable";
            // Same URL after a seller replaces the photo: a day at the edge (and a purge by tag when
            // it changes), an hour in browsers, which nobody can purge.
            case SELLER_IMAGE -> "public, max-age=3600, s-maxage=86400";
            // The source's line: caches keep it briefly and refresh it in the background, and the
            // shop stays up for five minutes when the origin is down. Not s-maxage: in a shared
            // cache it forbids serving stale at all (RFC 9111, 5.2.2.10).
            case PRODUCT_PAGE -> "public, max-age=60, stale-while-revalidate=30, stale-if-error=300";
            // Personal: no shared cache may keep it, and no browser should write it to disk either.
            case DASHBOARD -> "private, no-store";
            // Changes often, but ten seconds of staleness is invisible and saves the origin most work.
            case SEARCH -> "public, max-age=0, s-maxage=10";
        };
    }
}
