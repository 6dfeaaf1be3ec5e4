package workbook.ratelimit;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hidden cases for Task 6: a caller interrupted while it waits for Redis. */
@Task(6)
class HiddenTask6InterruptTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private static final Policy POLICY = Policy.perMinute("default", 100);

    @Test
    void anInterruptedCallerGetsTheFailureModeAndKeepsItsInterrupt() throws Exception {
        Toxi.Proxied toRedis = toxi.redis(redis);
        // A long limiter timeout, so that only the interrupt can end the wait early.
        RedisRateLimiter limiter = new RedisRateLimiter(redis.newClient(redis.uri(toRedis)).connect(), POLICY,
                Clock.systemUTC(), Duration.ofSeconds(10), FailureMode.FAIL_CLOSED);
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.tryAcquire("warm-up").allowed());
        toRedis.toxics().timeout("redis-stalls", ToxicDirection.DOWNSTREAM, 0);

        CompletableFuture<Object[]> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();        // interrupted before it asks: its wait must not last
            try {
                Decision decision = limiter.tryAcquire("alice");
                outcome.complete(new Object[]{decision, Thread.currentThread().isInterrupted()});
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "interrupted-caller");
        caller.setDaemon(true);
        caller.start();
        Object[] result = outcome.get(5, TimeUnit.SECONDS);
        Decision decision = (Decision) result[0];
        assertThat(decision).as("decision for a caller interrupted while Redis is stalled (FAIL_CLOSED)").isNotNull();
        assertThat(decision.allowed()).as("decision for an interrupted caller with FAIL_CLOSED: refuse").isFalse();
        assertThat((Boolean) result[1])
                .as("the caller's interrupt status after tryAcquire: catching InterruptedException clears it, so "
                        + "set it again (Thread.currentThread().interrupt()) or whoever interrupted the thread never learns")
                .isTrue();
    }
}
