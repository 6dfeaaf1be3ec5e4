package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * Cache-aside in one app instance: read Redis; on a miss, run the query and write the result back
 * with a TTL. This is the code from the story, and it stampedes: every caller that misses before
 * the first one has written the value runs the query too.
 */
public class CacheAside {
    private final RedisCommands<String, String> redis;
    private final Loader loader;
    private final Duration ttl;

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
        // Task 1: every caller that missed arrives here at the same time, and each one runs the query.
        String loaded = loader.load(key);
        redis.psetex(key, ttl.toMillis(), loaded);
        return loaded;
    }
}
