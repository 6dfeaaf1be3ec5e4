package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: long idle periods, and the leak pace across an empty bucket. */
@Task(3)
class HiddenTask3BucketsTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();

    @Test
    void anIdleTokenBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucketLimiter bucket = new TokenBucketLimiter(10, 1, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 3; i++) {
            bucket.tryAcquire("alice");
        }
        clock.advance(Duration.ofHours(1));
        int allowed = 0;
        while (allowed < 100 && bucket.tryAcquire("alice").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("burst allowed after an hour idle by a bucket of capacity 10: refill stops at capacity")
                .isEqualTo(10);
    }

    @Test
    void anIdleTokenBucketReportsItselfFull() {
        TokenBucketLimiter bucket = new TokenBucketLimiter(10, 1, Duration.ofSeconds(1), clock);
        bucket.tryAcquire("alice");
        clock.advance(Duration.ofDays(3));
        Decision decision = bucket.tryAcquire("alice");
        assertThat(decision.remaining()).as("tokens left after one request into a bucket idle for 3 days").isEqualTo(9);
        assertThat(decision.resetAfter()).as("time until full again: one token at 1 per second").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theLeakPaceHoldsEvenWhenTheBucketHasJustEmptied() {
        LeakyBucket bucket = new LeakyBucket(5, Duration.ofMillis(100), clock);
        Instant start = clock.instant();
        assertThat(bucket.offer("alice")).as("first request").contains(start);
        clock.advanceMillis(50);
        assertThat(bucket.offer("alice"))
                .as("a request 50 ms after the previous one left (bucket empty, leak 1 per 100 ms): it must wait "
                        + "until 100 ms after the previous departure")
                .contains(start.plusMillis(100));
    }

    @Test
    void threeTokensASecondGiveExactWaits() {
        // One token every 333.33... ms: waits are rounded up to the next nanosecond, never down.
        TokenBucketLimiter bucket = new TokenBucketLimiter(10, 3, Duration.ofSeconds(1), clock);
        Decision last = null;
        for (int i = 0; i < 10; i++) {
            last = bucket.tryAcquire("alice");
        }
        assertThat(last.remaining()).as("tokens left after 10 requests into a bucket of 10").isZero();
        assertThat(last.retryAfter()).as("retryAfter on the last token, refill 3 per second: 1/3 s")
                .isEqualTo(Duration.ofNanos(333_333_334));
        assertThat(last.resetAfter()).as("resetAfter of an empty bucket of 10, refill 3 per second: 10/3 s")
                .isEqualTo(Duration.ofNanos(3_333_333_334L));

        clock.advanceMillis(200);                        // 0.6 of a token back
        Decision refused = bucket.tryAcquire("alice");
        assertThat(refused.allowed()).as("a request 200 ms after emptying the bucket").isFalse();
        assertThat(refused.retryAfter()).as("retryAfter with 0.6 of a token, refill 3 per second: 0.4/3 s")
                .isEqualTo(Duration.ofNanos(133_333_334));
        assertThat(refused.resetAfter()).as("resetAfter with 0.6 of 10 tokens, refill 3 per second: 9.4/3 s")
                .isEqualTo(Duration.ofNanos(3_133_333_334L));

        clock.advanceMillis(133);                        // 0.999 of a token
        assertThat(bucket.tryAcquire("alice").allowed()).as("a request 333 ms after emptying the bucket").isFalse();
        clock.advanceMillis(1);                          // 1.002 tokens
        Decision next = bucket.tryAcquire("alice");
        assertThat(next.allowed()).as("a request 334 ms after emptying the bucket: 1.002 tokens").isTrue();
        assertThat(next.retryAfter()).as("retryAfter with 0.002 of a token left, refill 3 per second: 0.998/3 s")
                .isEqualTo(Duration.ofNanos(332_666_667));
        assertThat(next.resetAfter()).as("resetAfter with 0.002 of 10 tokens, refill 3 per second: 9.998/3 s")
                .isEqualTo(Duration.ofNanos(3_332_666_667L));
    }

    @Test
    void aFastRefillAfterALongIdlePeriodStaysExact() {
        // A million tokens a second (one a microsecond): a day of idle time is 8.64e13 ns, and
        // 8.64e13 x 1,000,000 does not fit in a long.
        TokenBucketLimiter bucket = new TokenBucketLimiter(10, 1_000_000, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire("alice");
        }
        clock.advance(Duration.ofDays(1));
        Decision decision = bucket.tryAcquire("alice");
        assertThat(decision.allowed()).as("a request a day after emptying a bucket that refills a token every microsecond")
                .isTrue();
        assertThat(decision.remaining()).as("tokens left then: the bucket was full again (10), one spent").isEqualTo(9);
        assertThat(decision.resetAfter()).as("resetAfter with 9 of 10 tokens, one a microsecond").isEqualTo(Duration.ofNanos(1_000));
    }

    @Test
    void aBucketStillFillingIsKept() {
        TokenBucketLimiter bucket = TokenBucketLimiter.forPolicy(Policy.perMinute("default", 100), clock);
        bucket.tryAcquire("bob");
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            bucket.tryAcquire("alice");
        }
        clock.advance(Duration.ofSeconds(30));
        bucket.tryAcquire("bob");
        assertThat(bucket.clientsTracked()).as("clients tracked 30 s after alice emptied her bucket (half full again)")
                .isEqualTo(2);
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += bucket.tryAcquire("alice").allowed() ? 1 : 0;
        }
        assertThat(allowed).as("alice's requests allowed 30 s after she emptied a bucket of 100 refilled at 100 a minute")
                .isEqualTo(50);
    }
}
