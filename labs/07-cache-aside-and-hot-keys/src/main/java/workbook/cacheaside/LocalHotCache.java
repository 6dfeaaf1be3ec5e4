package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;

/**
 * Reads a hot key. Today every read is a GET on the one Redis node that holds the key; Task 6 pins
 * the value in this process for {@code localTtl} (measured with {@code clock}).
 */
public class LocalHotCache {
    private final RedisCommands<String, String> redis;

    public LocalHotCache(RedisCommands<String, String> redis, Clock clock, Duration localTtl) {
        this.redis = redis;
    }

    /** The value of {@code key} (null when Redis has none), at most {@code localTtl} old. */
    public String get(String key) {
        return redis.get(key);
    }
}
