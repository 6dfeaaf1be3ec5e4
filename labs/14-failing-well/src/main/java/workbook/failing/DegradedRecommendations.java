package workbook.failing;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * Recommendations for {@code /home} that never fail: live from the service when the breaker lets the
 * call through and it succeeds, and then kept in Redis as the user's last good copy; otherwise that
 * copy, or the default list, marked as degraded.
 */
public final class DegradedRecommendations {
    /** The recommendations service (through its client), the breaker in front of it, and Redis for the copies. */
    public DegradedRecommendations(DependencyClient service, CircuitBreaker breaker, RedisCommands<String, String> redis) {
        // Task 6: keep what forUser needs.
    }

    /** The user's recommendations: live if possible, else the last good copy, else the default list. */
    public Recommendations forUser(String user) {
        throw new UnsupportedOperationException("Task 6: live through the breaker, else the last good copy in Redis, else the default");
    }
}
