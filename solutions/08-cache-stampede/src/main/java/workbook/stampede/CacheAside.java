package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * Cache-aside in one app instance: read Redis; on a miss, run the query and write the result back
 * with a TTL. Concurrent misses for one key share a single load, so a hot key that expires costs
 * one query per instance instead of one per request.
 */
public class CacheAside {
    private final RedisCommands<String, String> redis;
    private final Loader loader;
    private final Duration ttl;
    private final SingleFlight<String, String> flights = new SingleFlight<>();

    public CacheAside(RedisCommands<String, String> redis, Loader loader, Duration ttl) {
        this.redis = redis;
        this.loader = loader;
        this.ttl = ttl;
    }

    /** The value of {@code key}, from Redis if it is there, otherwise from the loader. */
    public String get(String key) throws Exception {
        String cached = redis.get(key);
        if (cached != null) {
            return cached;
        }
        return flights.load(key, () -> {
            // A caller that missed just before the previous flight wrote the value would otherwise
            // start a second load: look again before going to the database.
            String written = redis.get(key);
            if (written != null) {
                return written;
            }
            String loaded = loader.load(key);
            redis.psetex(key, ttl.toMillis(), loaded);
            return loaded;
        });
    }
}
