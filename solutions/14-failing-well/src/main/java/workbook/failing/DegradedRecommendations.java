package workbook.failing;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.List;

/**
 * Recommendations for {@code /home} that never fail: live from the service when the breaker lets the
 * call through and it succeeds, and then kept in Redis as the user's last good copy; otherwise that
 * copy, or the default list, marked as degraded.
 */
public final class DegradedRecommendations {
    /** How long a last good copy is kept. */
    static final Duration KEEP_FOR = Duration.ofHours(24);

    private final DependencyClient service;
    private final CircuitBreaker breaker;
    private final RedisCommands<String, String> redis;

    public DegradedRecommendations(DependencyClient service, CircuitBreaker breaker, RedisCommands<String, String> redis) {
        this.service = service;
        this.breaker = breaker;
        this.redis = redis;
    }

    /** The user's recommendations: live if possible, else the last good copy, else the default list. */
    public Recommendations forUser(String user) {
        if (breaker.tryAcquirePermission()) {
            try {
                String line = service.get("/recommendations?user=" + user);
                breaker.onSuccess();
                redis.setex(key(user), KEEP_FOR.toSeconds(), line);
                return new Recommendations(List.of(line.split(",")), Recommendations.Source.LIVE);
            } catch (DependencyException e) {
                breaker.onFailure();    // and fall through to the degraded answer
            }
        }
        String copy = redis.get(key(user));
        return copy == null
                ? new Recommendations(Recommendations.DEFAULT_ITEMS, Recommendations.Source.DEFAULT)
                : new Recommendations(List.of(copy.split(",")), Recommendations.Source.LAST_GOOD_COPY);
    }

    private static String key(String user) {
        return "recs:last:" + user;
    }
}
