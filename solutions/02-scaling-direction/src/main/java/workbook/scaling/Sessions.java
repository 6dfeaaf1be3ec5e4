package workbook.scaling;

import io.lettuce.core.RedisClient;

import java.time.Duration;

/** How each instance of the fleet gets its session store. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * The session store for one new app instance. Every instance calls this once; what it returns
     * decides whether a session outlives the instance that created it.
     */
    public static SessionStore forInstance(RedisClient redis, Duration ttl) {
        return new RedisSessionStore(redis, ttl);
    }
}
