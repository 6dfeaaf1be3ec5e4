package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;

/**
 * A short lock in Redis that one caller in the whole fleet can hold: {@code SET lock:name token NX PX ttl}.
 * The token proves ownership, so only the holder can release it; the TTL frees it if the holder dies.
 */
public final class RedisLock extends RedisLockBase {

    public RedisLock(RedisCommands<String, String> redis) {
        this(redis, BetweenCommands.NOTHING);
    }

    /** A lock whose operations call {@code betweenCommands} between two of their Redis commands, if they have two. */
    public RedisLock(RedisCommands<String, String> redis, BetweenCommands betweenCommands) {
        super(redis, betweenCommands);
    }

    /**
     * Takes the lock if nobody holds it. Returns the token that proves ownership (unique per
     * acquisition), or empty if someone else holds it. The lock expires by itself after {@code ttl}.
     */
    public Optional<String> tryAcquire(String name, Duration ttl) {
        throw new UnsupportedOperationException("Task 3: take the lock with one atomic SET ... NX PX");
    }

    /**
     * Releases the lock if, and only if, it is still held with {@code token}. Returns whether it did.
     * A holder whose lock has expired and been taken by someone else must not delete theirs.
     */
    public boolean release(String name, String token) {
        throw new UnsupportedOperationException("Task 3: compare the token and delete in one step (a Lua script)");
    }
}
