package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hot key pinned in this process for a short time: while the local copy is fresh, reads never
 * reach Redis, so each instance sends the hot key about one GET per {@code localTtl}.
 */
public class LocalHotCache {
    private record Entry(String value, Instant expiresAt) {
    }

    private final RedisCommands<String, String> redis;
    private final Clock clock;
    private final Duration localTtl;
    private final Map<String, Entry> local = new ConcurrentHashMap<>();

    public LocalHotCache(RedisCommands<String, String> redis, Clock clock, Duration localTtl) {
        this.redis = redis;
        this.clock = clock;
        this.localTtl = localTtl;
    }

    /** The value of {@code key} (null when Redis has none), at most {@code localTtl} old. */
    public String get(String key) {
        Instant now = clock.instant();
        Entry entry = local.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.value();
        }
        String value = redis.get(key);
        local.put(key, new Entry(value, now.plus(localTtl)));
        return value;
    }
}
