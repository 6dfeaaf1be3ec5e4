package workbook.ratelimit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One limit shared by every server (Task 4), that still answers when Redis does not (Task 6).
 * <p>
 * Each client has one key in Redis, {@code rl:<policy>:<client>}, holding GCRA's state: the instant its
 * allowance is whole again (see {@link RedisLimiterBase}). Every server runs the same Lua script, and
 * Redis runs a script as one step, so reading the state, deciding, and writing the state back with its
 * TTL can never be separated by another server's request or by a crash. GCRA has no window edge: a
 * client that spent its quota at 00:00:59 gets one request back every {@code window / quota}, not a
 * whole quota at 00:01:00.
 */
public final class RedisRateLimiter extends RedisLimiterBase implements RateLimiter {

    /**
     * KEYS[1] the client's TAT; ARGV now (ms), window (ms), quota. Returns {allowed (1 or 0), ahead}.
     * Time is counted in 1/quota ms, so one request costs exactly {@code window} units. Lua's numbers
     * are doubles, exact for whole numbers below 2^53: now * quota stays below that for quotas up to 4,000.
     */
    private static final String GCRA = """
            local quota = tonumber(ARGV[3])
            local now = tonumber(ARGV[1]) * quota
            local cost = tonumber(ARGV[2])
            local limit = cost * quota
            local tat = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now)
            local allowed = tat + cost - now <= limit
            if allowed then
              tat = tat + cost
            end
            -- A client is never more than one window ahead, so after a window without requests its key
            -- holds nothing a fresh start would not: that is its TTL, written with the state every time.
            redis.call('SET', KEYS[1], tat, 'PX', ARGV[2])
            return {allowed and 1 or 0, tat - now}
            """;

    private final String scriptSha;

    /**
     * @param connection  this server's own connection to Redis
     * @param clock       this server's clock (see the walkthrough: which clock)
     * @param timeout     the longest a decision may wait for Redis; after that, {@code failureMode} decides
     * @param failureMode what to answer when Redis fails or is too slow
     * @param betweenCommands a hook between commands; the script leaves no gap, so it is never called here
     */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy, Clock clock,
                            Duration timeout, FailureMode failureMode, BetweenCommands betweenCommands) {
        super(connection, policy, clock, timeout, failureMode, betweenCommands);
        this.scriptSha = connection.sync().digest(GCRA); // SHA-1 computed locally, no round trip
    }

    /** As above, with no hook. */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy, Clock clock,
                            Duration timeout, FailureMode failureMode) {
        this(connection, policy, clock, timeout, failureMode, BetweenCommands.NOTHING);
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        String key = key(clientKey);
        List<Long> reply;
        try {
            reply = runScript(key);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            return whenRedisFails();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenRedisFails();
        }
        return decide(reply.get(0) == 1, reply.get(1));
    }

    /**
     * Runs the script by its SHA (EVALSHA), loading it with EVAL the first time Redis does not know it.
     * Waits at most {@code timeout} in all: never the connection's own, much longer, default.
     */
    private List<Long> runScript(String key) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RedisAsyncCommands<String, String> redis = connection.async();
        String[] args = {Long.toString(clock.millis()), Long.toString(policy.windowMillis()), Integer.toString(policy.quota())};
        try {
            return await(redis.evalsha(scriptSha, ScriptOutputType.MULTI, new String[]{key}, args), deadline);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            return await(redis.eval(GCRA, ScriptOutputType.MULTI, new String[]{key}, args), deadline);
        }
    }

    private static <T> T await(RedisFuture<T> reply, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true); // nobody will read the answer; do not let it pile up
            throw e;
        }
    }

    /** The decision when Redis cannot be asked: everything allowed, or everything refused for a while. */
    private Decision whenRedisFails() {
        return failureMode == FailureMode.FAIL_OPEN
                ? Decision.allow(policy.quota(), Duration.ZERO, Duration.ZERO)
                : Decision.reject(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
