package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * Cache-aside in one app instance: read Redis; on a miss, run the query and write the result back
 * with a TTL. Concurrent misses for one key share a single load, so a hot key that expires costs
 * one query per instance instead of one per request.
 */
public class CacheAside extends RedisCache {
    private final SingleFlight<String, String> flights = new SingleFlight<>();

    public CacheAside(RedisCommands<String, String> redis, Loader loader, Duration ttl) {
        super(redis, loader, ttl);
    }

    @Override
    protected String onMiss(String key) throws Exception {
        return flights.load(key, () -> {
            // A caller that missed just before the previous flight wrote the value would otherwise
            // start a second load: look again before going to the database.
            String written = cached(key);
            return written != null ? written : loadAndWrite(key);
        });
    }
}
