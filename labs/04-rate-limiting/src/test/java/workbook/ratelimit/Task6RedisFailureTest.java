package workbook.ratelimit;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.lettuce.core.api.StatefulRedisConnection;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

@Task(6)
class Task6RedisFailureTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private static final Policy POLICY = Policy.perMinute("default", 100);
    /** The limiter's own budget for asking Redis; the connection's default timeout is 10 s. */
    private static final Duration LIMITER_TIMEOUT = Duration.ofMillis(50);
    /** What the test accepts for a whole decision while Redis is away. */
    private static final Duration DECISION_BUDGET = Duration.ofMillis(250);
    /**
     * How long the test waits for a decision: twice the budget, because a decision not made within the
     * budget has failed already, and a limiter that hangs should say so at once.
     */
    private static final Duration GIVE_UP_AFTER = DECISION_BUDGET.multipliedBy(2);

    /** Runs decisions on daemon threads, so that one that hangs on the starter cannot keep the JVM alive. */
    private static final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "limiter-caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void stalledRedisFailOpenAllowsWithinTheBudget() throws IOException {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisRateLimiter limiter = limiterThrough(toRedis, FailureMode.FAIL_OPEN);
        // Redis stops answering: every byte it sends back is dropped, and the connection stays open.
        toRedis.toxics().timeout("redis-stalls", ToxicDirection.DOWNSTREAM, 0);

        Timed decision = decide(limiter, "Redis stalled (Toxiproxy timeout toxic), fail open");
        assertThat(decision.decision().allowed()).as("decision while Redis is stalled with FAIL_OPEN: allow").isTrue();
    }

    @Test
    void stalledRedisFailClosedRejectsWithinTheBudget() throws IOException {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisRateLimiter limiter = limiterThrough(toRedis, FailureMode.FAIL_CLOSED);
        toRedis.toxics().timeout("redis-stalls", ToxicDirection.DOWNSTREAM, 0);

        Timed decision = decide(limiter, "Redis stalled (Toxiproxy timeout toxic), fail closed");
        assertThat(decision.decision().allowed()).as("decision while Redis is stalled with FAIL_CLOSED: refuse").isFalse();
        assertThat(decision.decision().retryAfter()).as("retryAfter of a request refused because Redis is away").isPositive();
    }

    @Test
    void cutRedisFailOpenAllowsWithinTheBudget() {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisRateLimiter limiter = limiterThrough(toRedis, FailureMode.FAIL_OPEN);
        toRedis.disable(); // connections cut, new ones refused

        Timed decision = decide(limiter, "Redis cut off (proxy disabled), fail open");
        assertThat(decision.decision().allowed()).as("decision while Redis is cut off with FAIL_OPEN: allow").isTrue();
    }

    @Test
    void cutRedisFailClosedRejectsWithinTheBudget() {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisRateLimiter limiter = limiterThrough(toRedis, FailureMode.FAIL_CLOSED);
        toRedis.disable();

        Timed decision = decide(limiter, "Redis cut off (proxy disabled), fail closed");
        assertThat(decision.decision().allowed()).as("decision while Redis is cut off with FAIL_CLOSED: refuse").isFalse();
    }

    @Test
    void decisionsComeFromRedisAgainOnceItIsBack() {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisRateLimiter limiter = limiterThrough(toRedis, FailureMode.FAIL_CLOSED);
        toRedis.disable();
        assertThat(decide(limiter, "Redis cut off, fail closed").decision().allowed()).as("decision while Redis is cut off").isFalse();

        toRedis.enable();
        awaitAllowed(limiter, "alice", "Redis is back, but no request was allowed within 5 s: the limiter must "
                + "ask Redis again (Lettuce reconnects by itself), not stay in its failure mode");
        assertThat(Task4SharedLimitTest.ttlOfEveryKey(redis))
                .as("keys in Redis once it is back: the limiter counts there again").isNotEmpty();
    }

    /** A limiter whose connection goes through the proxy; one decision first, so that the connection is up and the script known. */
    private static RedisRateLimiter limiterThrough(Toxi.Proxied toRedis, FailureMode failureMode) {
        StatefulRedisConnection<String, String> connection = redis.newClient(redis.uri(toRedis)).connect();
        RedisRateLimiter limiter = new RedisRateLimiter(connection, POLICY, Clock.systemUTC(), LIMITER_TIMEOUT, failureMode);
        // On a busy machine even a healthy first call (connect, load the script) can exceed 50 ms; retry until one gets through.
        awaitAllowed(limiter, "warm-up", "before any fault: no request allowed in 5 s while Redis is healthy");
        return limiter;
    }

    /** Waits up to 5 s for a decision that allows {@code clientKey}; fails with {@code otherwise}. */
    private static void awaitAllowed(RedisRateLimiter limiter, String clientKey, String otherwise) {
        try {
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> limiter.tryAcquire(clientKey).allowed());
        } catch (ConditionTimeoutException e) {
            fail(otherwise);
        }
    }

    record Timed(Decision decision, Duration took) {
    }

    /**
     * Asks for one decision and fails unless it comes within the budget. The time is measured on the
     * calling thread, around tryAcquire alone, so handing the call to another thread is not counted.
     */
    private static Timed decide(RedisRateLimiter limiter, String situation) {
        CompletableFuture<Timed> pending = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Decision decision = limiter.tryAcquire("alice");
            return new Timed(decision, Duration.ofNanos(System.nanoTime() - start));
        }, callers);
        Timed timed;
        try {
            timed = pending.get(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("%s: no decision after %d ms. The limiter is waiting for Redis with the connection's default "
                    + "timeout (10 s), so every request to the API would hang too. Bound the wait (here %d ms) and apply "
                    + "the failure mode.", situation, GIVE_UP_AFTER.toMillis(), LIMITER_TIMEOUT.toMillis());
        } catch (ExecutionException e) {
            return fail("%s: the limiter threw %s instead of deciding. An error from Redis must become the "
                    + "configured decision (fail open or fail closed), not a failed request.", situation, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
        Decision decision = timed.decision();
        Duration took = timed.took();
        System.out.printf("[Task 6] %s: decided %s in %d ms%n", situation, decision.allowed() ? "allow" : "refuse", took.toMillis());
        assertThat(took).as("time to decide while %s (limiter timeout %d ms)", situation, LIMITER_TIMEOUT.toMillis())
                .isLessThan(DECISION_BUDGET);
        return new Timed(decision, took);
    }
}
