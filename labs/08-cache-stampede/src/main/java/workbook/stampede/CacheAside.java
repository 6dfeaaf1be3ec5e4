package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * Cache-aside in one app instance: read Redis; on a miss, run the query and write the result back
 * with a TTL. This is the code from the story, and it stampedes: every caller that misses before
 * the first one has written the value runs the query too. The read and the write are given in
 * {@link RedisCache}; the miss path is yours.
 */
public class CacheAside extends RedisCache {

    public CacheAside(RedisCommands<String, String> redis, Loader loader, Duration ttl) {
        super(redis, loader, ttl);
    }

    @Override
    protected String onMiss(String key) throws Exception {
        // Task 1: every caller that missed arrives here at the same time, and each one runs the query.
        return loadAndWrite(key);
    }
}
