package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 2: the edges of the window, and quiet periods longer than one window. */
@Task(2)
class HiddenTask2SlidingWindowTest {
    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);

    private final MutableClock clock = MutableClock.startingAtEpochMinute();

    @Test
    void counterForgetsAWindowThatIsMoreThanOneWindowOld() {
        SlidingWindowCounterLimiter limiter = new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");                   // 100 in minute 00:00
        }
        clock.advance(Duration.ofMinutes(2));              // 00:02:00: minute 00:01 was empty
        Decision decision = limiter.tryAcquire("alice");
        assertThat(decision.allowed()).as("a request two quiet minutes after using the whole quota").isTrue();
        assertThat(decision.remaining())
                .as("remaining then: the 'previous' window is the empty minute 00:01, not the full minute 00:00")
                .isEqualTo(99);
    }

    @Test
    void counterAfterALongPauseAllowsTheWholeQuota() {
        SlidingWindowCounterLimiter limiter = new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(10));
        int allowed = 0;
        while (allowed < 150 && limiter.tryAcquire("alice").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("requests allowed after five quiet minutes").isEqualTo(100);
    }

    @Test
    void logForgetsARequestExactlyOneWindowLater() {
        SlidingWindowLogLimiter limiter = new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofMinutes(1));
        int allowed = 0;
        while (allowed < 150 && limiter.tryAcquire("alice").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("requests allowed exactly 60 s after 100 (a request made one window ago no longer counts)")
                .isEqualTo(100);
    }

    @Test
    void logResetAfterIsWhenTheNewestRequestLeaves() {
        SlidingWindowLogLimiter limiter = new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock);
        limiter.tryAcquire("alice");
        clock.advance(Duration.ofSeconds(20));
        Decision decision = limiter.tryAcquire("alice");
        assertThat(decision.resetAfter()).as("resetAfter right after a request: one whole window").isEqualTo(Duration.ofMinutes(1));
        assertThat(decision.remaining()).isEqualTo(98);
    }

    @Test
    void counterResetAfterCoversTheWindowsThatStillWeigh() {
        SlidingWindowCounterLimiter limiter = new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock);
        clock.advance(Duration.ofSeconds(15));
        Decision first = limiter.tryAcquire("alice");
        assertThat(first.resetAfter())
                .as("resetAfter of a request at 00:00:15: it counts in this minute, then weighs on the next one "
                        + "until 00:02:00")
                .isEqualTo(Duration.ofSeconds(105));
        for (int i = 0; i < 99; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofMillis(45_500));             // 00:01:00.5
        Decision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).as("a request at 00:01:00.5 after 100 in the minute before").isFalse();
        assertThat(refused.resetAfter())
                .as("resetAfter at 00:01:00.5 when nothing was allowed this minute: the previous minute's 100 "
                        + "stop weighing at 00:02:00")
                .isEqualTo(Duration.ofMillis(59_500));
    }

    @Test
    void theCounterKeepsAClientWhosePreviousWindowStillWeighs() {
        SlidingWindowCounterLimiter limiter = new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock);
        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire("bob");                      // the first request of 00:01:00
        assertThat(limiter.clientsTracked()).as("clients tracked at 00:01:00: alice's 100 of the minute before still weigh")
                .isEqualTo(2);
        assertThat(limiter.tryAcquire("alice").allowed()).as("alice at 00:01:00, her 100 of 00:00:59 weighing fully").isFalse();
    }

    @Test
    void theLogKeepsAClientWhoseRequestsAreStillInTheWindow() {
        SlidingWindowLogLimiter limiter = new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofSeconds(30));
        limiter.tryAcquire("bob");                      // the first request of 00:01:00
        assertThat(limiter.clientsTracked()).as("clients tracked at 00:01:00: alice's 100 of 00:00:30 still count").isEqualTo(2);
        assertThat(limiter.tryAcquire("alice").allowed()).as("alice at 00:01:00 (100 requests at 00:00:30)").isFalse();
        clock.advance(Duration.ofSeconds(60));
        limiter.tryAcquire("bob");
        assertThat(limiter.clientsTracked()).as("clients tracked at 00:02:00: alice's requests left the window at 00:01:30")
                .isEqualTo(1);
    }
}
