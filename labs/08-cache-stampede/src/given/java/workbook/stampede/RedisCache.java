package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * Cache-aside on Redis, without the part this lab is about: read the key; on a miss, {@link #onMiss}
 * decides how the value is loaded. {@link #loadAndWrite} is the story's miss path: run the query and
 * write the result back with a TTL. Given: {@link CacheAside} writes {@code onMiss}.
 */
public abstract class RedisCache {
    private final RedisCommands<String, String> redis;
    private final Loader loader;
    private final Duration ttl;

    protected RedisCache(RedisCommands<String, String> redis, Loader loader, Duration ttl) {
        this.redis = redis;
        this.loader = loader;
        this.ttl = ttl;
    }

    /** The value of {@code key}, from Redis if it is there, otherwise from {@link #onMiss}. */
    public final String get(String key) throws Exception {
        String cached = cached(key);
        return cached != null ? cached : onMiss(key);
    }

    /** What a caller that did not find {@code key} in Redis does to get its value. */
    protected abstract String onMiss(String key) throws Exception;

    /** The value Redis holds for {@code key}, or {@code null}. */
    protected final String cached(String key) {
        return redis.get(key);
    }

    /** Runs the query and writes its result to Redis with the TTL: one database query per call. */
    protected final String loadAndWrite(String key) throws Exception {
        String loaded = loader.load(key);
        redis.psetex(key, ttl.toMillis(), loaded);
        return loaded;
    }
}
