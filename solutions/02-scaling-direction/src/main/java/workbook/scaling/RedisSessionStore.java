package workbook.scaling;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions in Redis, shared by every instance: the key {@code session:<id>} holds the user name and
 * expires {@code ttl} after the session was last used.
 */
public final class RedisSessionStore implements SessionStore {
    public static final String KEY_PREFIX = "session:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Duration ttl;

    public RedisSessionStore(RedisClient client, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("session TTL must be positive, got " + ttl);
        }
        this.connection = client.connect();
        this.redis = connection.sync();
        this.ttl = ttl;
    }

    /** The Redis key of a session id. */
    public static String key(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    @Override
    public String create(String user) {
        // 128 random bits: a session id must not be guessable, since it is all a caller shows.
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        redis.set(key(id), user, SetArgs.Builder.px(ttl.toMillis()));
        return id;
    }

    @Override
    public Optional<String> user(String sessionId) {
        // GETEX reads the value and pushes the expiry back in one command: sliding expiry, no race
        // between a GET and a separate PEXPIRE.
        return Optional.ofNullable(redis.getex(key(sessionId), GetExArgs.Builder.px(ttl.toMillis())));
    }

    @Override
    public void close() {
        connection.close();
    }
}
