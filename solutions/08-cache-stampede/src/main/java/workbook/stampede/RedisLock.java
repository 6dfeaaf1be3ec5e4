package workbook.stampede;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A short lock in Redis that one caller in the whole fleet can hold: {@code SET lock:name token NX PX ttl}.
 * The token proves ownership, so only the holder can release it; the TTL frees it if the holder dies.
 */
public final class RedisLock extends RedisLockBase {
    /** Delete the key only if it still holds our token: GET and DEL in one atomic step. */
    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0
            """;

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
        String token = UUID.randomUUID().toString();
        // One command: NX makes it succeed for exactly one caller, PX gives it its expiry at the same
        // instant (SETNX then PEXPIRE would leave an immortal lock if we died in between).
        String reply = redis.set(keyFor(name), token, SetArgs.Builder.nx().px(ttl.toMillis()));
        return "OK".equals(reply) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Releases the lock if, and only if, it is still held with {@code token}. Returns whether it did.
     * A holder whose lock has expired and been taken by someone else must not delete theirs.
     */
    public boolean release(String name, String token) {
        Long deleted = redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[]{keyFor(name)}, token);
        return deleted != null && deleted == 1L;
    }
}
