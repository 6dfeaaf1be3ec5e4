package workbook.httpcache;

import java.net.URI;

/** Task 7: the key an edge stores a response under. */
public final class CacheKey {
    private CacheKey() {
    }

    /**
     * The cache key of a request URI: its path and query, where requests that must get the same
     * response get the same key.
     */
    public static String of(URI uri) {
        // Every distinct URL is its own entry.
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
