package workbook.httpcache;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Task 7: the key an edge stores a response under. */
public final class CacheKey {
    private CacheKey() {
    }

    /**
     * The cache key of a request URI: its path and query, where requests that must get the same
     * response get the same key. Marketing links add {@code utm_*}, {@code gclid} and {@code fbclid}
     * parameters that the origin ignores, and clients write parameters in any order; each variant
     * would otherwise be a separate miss.
     */
    public static String of(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return uri.getRawPath();
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !isTracking(pair.split("=", 2)[0]))
                .sorted()
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? uri.getRawPath() : uri.getRawPath() + "?" + kept;
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("gclid") || name.equals("fbclid");
    }
}
