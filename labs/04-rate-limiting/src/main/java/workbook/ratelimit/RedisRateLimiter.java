package workbook.ratelimit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;

/**
 * One limit shared by every server, through Redis (Task 4), that still answers when Redis does not
 * (Task 6). Each client has one key in Redis, {@code rl:<policy>:<client>}.
 * <p>
 * STARTER: this is the code the fleet runs today, the pattern found in many tutorials: a fixed window
 * whose counter is INCR'd, then, if it is new, given a TTL with EXPIRE. It lets a client through twice
 * its quota across a window edge, as Task 1's limiter does. And it works until the process dies between
 * the two commands (a crash, a deploy, a timeout): the counter is then never given a TTL, and once it
 * passes the quota the client is refused forever (Task 4). It also waits as long as the connection lets
 * it (10 s here) when Redis is slow or gone, and lets the error escape (Task 6).
 */
public final class RedisRateLimiter extends RedisLimiterBase implements RateLimiter {

    /**
     * @param connection      this server's own connection to Redis
     * @param clock           this server's clock
     * @param timeout         the longest a decision may wait for Redis; after that, {@code failureMode} decides
     * @param failureMode     what to answer when Redis fails or is too slow
     * @param betweenCommands a hook that runs between two commands of one decision
     */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy, Clock clock,
                            Duration timeout, FailureMode failureMode, BetweenCommands betweenCommands) {
        super(connection, policy, clock, timeout, failureMode, betweenCommands);
    }

    /** As above, with no hook. */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy, Clock clock,
                            Duration timeout, FailureMode failureMode) {
        this(connection, policy, clock, timeout, failureMode, BetweenCommands.NOTHING);
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        RedisCommands<String, String> redis = connection.sync();
        String key = key(clientKey);
        long count = redis.incr(key);
        betweenCommands.run(key); // a process can die right here...
        if (count == 1) {
            redis.pexpire(key, policy.windowMillis()); // ...and then this never runs
        }
        Duration untilWindowEnds = Duration.ofMillis(Math.max(0, redis.pttl(key)));
        return count <= policy.quota()
                ? Decision.allow(policy.quota() - count, untilWindowEnds, untilWindowEnds)
                : Decision.reject(untilWindowEnds, untilWindowEnds);
    }
}
