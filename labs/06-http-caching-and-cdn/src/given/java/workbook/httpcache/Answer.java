package workbook.httpcache;

import java.util.List;
import java.util.Map;

/**
 * What an edge sends back to its client: status, headers, body, and what the cache did
 * ({@code HIT}, {@code MISS}, {@code STALE} or {@code REVALIDATED}), sent as {@link EdgeServer#CACHE_STATUS}.
 * Given.
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body, String cacheStatus) {
}
