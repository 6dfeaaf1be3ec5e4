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
}
