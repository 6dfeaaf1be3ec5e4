package workbook.ratelimit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One limit shared by every server (Task 4), that still answers when Redis does not (Task 6).
 * <p>
 * Each client has one counter in Redis, {@code rl:<policy>:<client>}, whose life is the window: the
 * first request creates it with a TTL of one window, and when Redis expires it the client starts
 * again. Every server runs the same Lua script, and Redis runs a script as one step, so the count, the
 * decision and the TTL can never be separated by another server's request or by a crash.
 * <p>
 * Time is Redis's own: the window is the key's TTL, so eight servers whose clocks disagree still share
 * one window, and no clock is passed in.
 */
public final class RedisRateLimiter extends RedisLimiterBase implements RateLimiter {

    /**
     * KEYS[1] the client's counter, ARGV[1] the window in ms. Returns {count, ms until the window ends}.
     * The TTL is set whenever the key has none, not only for count 1: that also repairs a counter left
     * without a TTL by older code.
     */
    private static final String CHECK_AND_COUNT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              ttl = tonumber(ARGV[1])
              redis.call('PEXPIRE', KEYS[1], ttl)
            end
            return {count, ttl}
            """;

    private final String scriptSha;

    /**
     * @param connection  this server's own connection to Redis
     * @param timeout     the longest a decision may wait for Redis; after that, {@code failureMode} decides
     * @param failureMode what to answer when Redis fails or is too slow
     * @param betweenCommands a hook between commands; the script leaves no gap, so it is never called here
     */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy,
                            Duration timeout, FailureMode failureMode, BetweenCommands betweenCommands) {
        super(connection, policy, timeout, failureMode, betweenCommands);
        this.scriptSha = connection.sync().digest(CHECK_AND_COUNT); // SHA-1 computed locally, no round trip
    }

    /** As above, with no hook. */
    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, Policy policy,
                            Duration timeout, FailureMode failureMode) {
        this(connection, policy, timeout, failureMode, BetweenCommands.NOTHING);
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
        return decide(reply.get(0), Duration.ofMillis(reply.get(1)));
    }

    /**
     * Runs the script by its SHA (EVALSHA), loading it with EVAL the first time Redis does not know it.
     * Waits at most {@code timeout} in all: never the connection's own, much longer, default.
     */
    private List<Long> runScript(String key) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RedisAsyncCommands<String, String> redis = connection.async();
        String window = Long.toString(policy.windowMillis());
        try {
            return await(redis.evalsha(scriptSha, ScriptOutputType.MULTI, new String[]{key}, window), deadline);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            return await(redis.eval(CHECK_AND_COUNT, ScriptOutputType.MULTI, new String[]{key}, window), deadline);
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
