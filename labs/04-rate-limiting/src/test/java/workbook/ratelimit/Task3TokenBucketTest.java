package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3TokenBucketTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    /** Capacity 10, one token back per second. */
    private final TokenBucketLimiter bucket = new TokenBucketLimiter(10, 1, Duration.ofSeconds(1), clock);

    @Test
    void aFullBucketAllowsABurstUpToItsCapacity() {
        int allowed = 0;
        for (int i = 0; i < 15; i++) {
            Decision decision = bucket.tryAcquire("alice");
            if (decision.allowed()) {
                allowed++;
                assertThat(decision.remaining()).as("tokens left after request %d of the burst", i + 1).isEqualTo(10 - allowed);
            }
        }
        assertThat(allowed).as("requests allowed from 15 sent at once to a new bucket of capacity 10").isEqualTo(10);
    }

    @Test
    void afterTheBurstItAllowsTheRefillRate() {
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire("alice");
        }
        // Now 5 requests a second for 30 s: only the refill, one a second, may pass.
        int allowed = 0;
        for (int tick = 0; tick < 150; tick++) {
            clock.advanceMillis(200);
            allowed += bucket.tryAcquire("alice").allowed() ? 1 : 0;
        }
        assertThat(allowed)
                .as("requests allowed over 30 s at 5 per second after the bucket was emptied (refill 1 per second)")
                .isEqualTo(30);
    }

    @Test
    void refillIsLazyAndKeepsFractionsOfATokenFromRequestToRequest() {
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire("alice");
        }
        clock.advanceMillis(400);
        Decision early = bucket.tryAcquire("alice");
        assertThat(early.allowed()).as("a request 0.4 s after emptying a bucket that refills 1 token per second").isFalse();
        assertThat(early.retryAfter()).as("retryAfter with 0.4 of a token in the bucket").isEqualTo(Duration.ofMillis(600));

        clock.advanceMillis(300);
        assertThat(bucket.tryAcquire("alice").allowed()).as("a request 0.7 s after emptying the bucket").isFalse();
        clock.advanceMillis(300);
        assertThat(bucket.tryAcquire("alice").allowed())
                .as("a request 1.0 s after emptying the bucket: 0.4 + 0.3 + 0.3 of a token make one, "
                        + "if every refill keeps its fraction")
                .isTrue();
    }

    @Test
    void reportsWhenTheBucketIsFullAgain() {
        for (int i = 0; i < 4; i++) {
            bucket.tryAcquire("alice");
        }
        Decision decision = bucket.tryAcquire("alice");
        assertThat(decision.remaining()).as("tokens left after 5 of 10").isEqualTo(5);
        assertThat(decision.retryAfter()).as("retryAfter while tokens remain").isEqualTo(Duration.ZERO);
        assertThat(decision.resetAfter()).as("time to refill 5 missing tokens at 1 per second").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void hundredPerMinuteRefillsOneTokenEverySixHundredMilliseconds() {
        TokenBucketLimiter perMinute = TokenBucketLimiter.forPolicy(Policy.perMinute("default", 100), clock);
        for (int i = 0; i < 100; i++) {
            assertThat(perMinute.tryAcquire("alice").allowed()).as("request %d of a burst of 100 into capacity 100", i + 1).isTrue();
        }
        assertThat(perMinute.tryAcquire("alice").allowed()).as("request 101 of the burst").isFalse();
        clock.advanceMillis(599);
        assertThat(perMinute.tryAcquire("alice").allowed()).as("a request 599 ms after the burst (100 per minute = one per 600 ms)").isFalse();
        clock.advanceMillis(1);
        assertThat(perMinute.tryAcquire("alice").allowed()).as("a request 600 ms after the burst").isTrue();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire("alice");
        }
        assertThat(bucket.tryAcquire("alice").allowed()).as("alice's 11th request").isFalse();
        assertThat(bucket.tryAcquire("bob").allowed()).as("bob's first request").isTrue();
    }

    @Test
    void forgetsClientsWhoseBucketIsFullAgain() {
        Traces.forgetsIdleClients(TokenBucketLimiter.forPolicy(Policy.perMinute("default", 100), clock), clock, Duration.ofMinutes(1));
    }
}
