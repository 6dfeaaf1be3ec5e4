package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * What {@link RedisLock} stands on: the Redis connection it talks to and the key a lock lives
 * under. Given: taking and releasing the lock are yours.
 */
public abstract class RedisLockBase {
    protected final RedisCommands<String, String> redis;

    protected RedisLockBase(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** The Redis key that holds the lock called {@code name}. */
    public static String keyFor(String name) {
        return "lock:" + name;
    }
}
