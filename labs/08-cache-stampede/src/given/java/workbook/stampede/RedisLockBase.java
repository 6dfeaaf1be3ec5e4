package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * What {@link RedisLock} stands on: the Redis connection it talks to, the key a lock lives under, and
 * a hook for tests. Given: taking and releasing the lock are yours.
 */
public abstract class RedisLockBase {

    /**
     * Runs between two Redis commands that belong to one lock operation, if the implementation sends
     * more than one (say {@code SETNX} then {@code PEXPIRE}, or {@code GET} then {@code DEL}): call
     * {@code betweenCommands.run(name)} there. Tests make it throw to play "the process dies here", or
     * let the lock expire and another instance take it. One atomic command (or one Lua script) has no
     * such gap and never calls it.
     */
    @FunctionalInterface
    public interface BetweenCommands {
        BetweenCommands NOTHING = name -> { };

        void run(String name);
    }

    protected final RedisCommands<String, String> redis;
    protected final BetweenCommands betweenCommands;

    protected RedisLockBase(RedisCommands<String, String> redis, BetweenCommands betweenCommands) {
        this.redis = redis;
        this.betweenCommands = betweenCommands;
    }

    /** The Redis key that holds the lock called {@code name}. */
    public static String keyFor(String name) {
        return "lock:" + name;
    }
}
