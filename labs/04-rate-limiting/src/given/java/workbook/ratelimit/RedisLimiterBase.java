package workbook.ratelimit;

import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

/**
 * The given part of {@link RedisRateLimiter}: what it is built with, the key of each client's
 * counter, and the decision a count leads to. {@link RedisRateLimiter} writes only
 * {@link RateLimiter#tryAcquire(String)}.
 */
public abstract class RedisLimiterBase {

    /**
     * Runs between two Redis commands that belong to one decision, if the implementation has any.
     * Tests make it throw to play "the process dies here". The atomic version has no such gap.
     */
    @FunctionalInterface
    public interface BetweenCommands {
        BetweenCommands NOTHING = key -> { };

        void run(String key);
    }

    /** This server's own connection to Redis. */
    protected final StatefulRedisConnection<String, String> connection;
    protected final Policy policy;
    /** The longest a decision may wait for Redis; after that, {@link #failureMode} decides. */
    protected final Duration timeout;
    /** What to answer when Redis fails or is too slow. */
    protected final FailureMode failureMode;
    protected final BetweenCommands betweenCommands;

    protected RedisLimiterBase(StatefulRedisConnection<String, String> connection, Policy policy,
                               Duration timeout, FailureMode failureMode, BetweenCommands betweenCommands) {
        this.connection = connection;
        this.policy = policy;
        this.timeout = timeout;
        this.failureMode = failureMode;
        this.betweenCommands = betweenCommands;
    }

    /** The client's counter: {@code rl:<policy>:<client>}, so that two policies never share a count. */
    protected String key(String clientKey) {
        return "rl:" + policy.name() + ":" + clientKey;
    }

    /** The decision for the {@code count}-th request of a window that ends in {@code untilWindowEnds}. */
    protected Decision decide(long count, Duration untilWindowEnds) {
        return count <= policy.quota()
                ? Decision.allow(policy.quota() - count, untilWindowEnds, untilWindowEnds)
                : Decision.reject(untilWindowEnds, untilWindowEnds);
    }
}
