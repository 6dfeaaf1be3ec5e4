package workbook.ratelimit;

import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Clock;
import java.time.Duration;

/**
 * The given part of {@link RedisRateLimiter}: what it is built with, the key of each client's state,
 * and the decision GCRA's state leads to. {@link RedisRateLimiter} writes only
 * {@link RateLimiter#tryAcquire(String)}.
 * <p>
 * <b>GCRA in whole numbers.</b> GCRA spaces a client's requests {@code window / quota} apart and lets
 * a burst of up to {@code quota} through at once. Its state is one instant per client, the
 * <i>theoretical arrival time</i> (TAT): when the client's allowance is whole again if it sends nothing
 * more. {@code window / quota} ms is rarely a whole number (1 minute / 70), so the script counts time in
 * units of {@code 1/quota} ms: one request then costs exactly {@code window} units, and a client may be
 * at most {@code window * quota} units (one window) ahead of now.
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

    /** Now in 1/quota ms stays a whole number Lua holds exactly (below 2^53) until 2041 for quotas up to this. */
    public static final int MAX_QUOTA = 4000;

    /** This server's own connection to Redis. */
    protected final StatefulRedisConnection<String, String> connection;
    protected final Policy policy;
    /** This server's clock; tests pass one they can move. */
    protected final Clock clock;
    /** The longest a decision may wait for Redis; after that, {@link #failureMode} decides. */
    protected final Duration timeout;
    /** What to answer when Redis fails or is too slow. */
    protected final FailureMode failureMode;
    protected final BetweenCommands betweenCommands;

    protected RedisLimiterBase(StatefulRedisConnection<String, String> connection, Policy policy, Clock clock,
                               Duration timeout, FailureMode failureMode, BetweenCommands betweenCommands) {
        if (policy.quota() > MAX_QUOTA) {
            throw new IllegalArgumentException("policy '" + policy.name() + "': the shared limiter takes quotas up to "
                    + MAX_QUOTA + ", got " + policy.quota() + " (Lua counts in doubles, exact below 2^53, and now is counted in 1/quota ms)");
        }
        this.connection = connection;
        this.policy = policy;
        this.clock = clock;
        this.timeout = timeout;
        this.failureMode = failureMode;
        this.betweenCommands = betweenCommands;
    }

    /** The client's key: {@code rl:<policy>:<client>}, so that two policies never share a count. */
    protected String key(String clientKey) {
        return "rl:" + policy.name() + ":" + clientKey;
    }

    /**
     * The decision GCRA's state leads to.
     *
     * @param allowed whether the script let the request through
     * @param ahead   how far the client's TAT is ahead of now once the script has run, in units of
     *                {@code 1/quota} ms: {@code window} units per request still counted
     */
    protected Decision decide(boolean allowed, long ahead) {
        long cost = policy.windowMillis();     // one request, in 1/quota ms
        long limit = cost * policy.quota();   // one window, in 1/quota ms
        // One more request fits once ahead + cost <= limit again: ahead shrinks by quota units per ms.
        Duration untilOneMoreFits = unitsToMillis(Math.max(0, ahead + cost - limit));
        Duration untilAllForgotten = unitsToMillis(ahead);
        return allowed
                ? Decision.allow(Math.max(0, limit - ahead) / cost, untilOneMoreFits, untilAllForgotten)
                : Decision.reject(untilOneMoreFits, untilAllForgotten);
    }

    /** Units of 1/quota ms as a duration, rounded up: a client told to wait must not come back early. */
    private Duration unitsToMillis(long units) {
        return Duration.ofMillis(Math.floorDiv(units + policy.quota() - 1, policy.quota()));
    }
}
