package workbook.scaling;

import io.lettuce.core.RedisClient;

import java.time.Duration;
import java.util.Optional;

/**
 * Sessions in Redis, shared by every instance: the key {@code session:<id>} holds the user name and
 * expires {@code ttl} after the session was last used.
 */
public final class RedisSessionStore implements SessionStore {
    public static final String KEY_PREFIX = "session:";

    public RedisSessionStore(RedisClient client, Duration ttl) {
        throw new UnsupportedOperationException("Task 3: open a connection to Redis and keep the TTL");
    }

    /** The Redis key of a session id. */
    public static String key(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    @Override
    public String create(String user) {
        throw new UnsupportedOperationException("Task 3: store the user under session:<random id> with the TTL, return the id");
    }

    @Override
    public Optional<String> user(String sessionId) {
        throw new UnsupportedOperationException("Task 3: read the user and push the expiry back (sliding expiry)");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("Task 3: close the connection");
    }
}
