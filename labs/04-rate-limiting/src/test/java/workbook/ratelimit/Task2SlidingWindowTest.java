package workbook.ratelimit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2SlidingWindowTest {
    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);

    private final MutableClock clock = MutableClock.startingAtEpochMinute();

    @Test
    void neitherSlidingAlgorithmLetsTheBoundaryBurstThrough() {
        int log = Traces.boundaryBurst(new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock), clock);
        int counter = Traces.boundaryBurst(new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock), clock);
        System.out.printf("[Task 2] boundary burst (200 requests in 2 s, limit 100 per minute): "
                + "sliding log allowed %d, sliding counter allowed %d (a fixed window allows 200)%n", log, counter);

        assertThat(log)
                .as("requests the sliding log allows in the 2 s around a minute edge: any 60 s may hold at most 100")
                .isEqualTo(100);
        // The counter estimates: at 00:01:00.6 the previous minute's 100 still weigh 100 * 59.4 / 60 = 99,
        // which leaves room for one more. An estimate may overshoot a little; it never doubles.
        assertThat(counter)
                .as("requests the sliding counter allows in the 2 s around a minute edge: the previous minute's "
                        + "100 must still count almost fully just after the edge (allowed: at most 2 over the limit)")
                .isBetween(100, 102);
    }

    @Nested
    class Log {
        private final SlidingWindowLogLimiter limiter = new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock);

        @Test
        void allowsTheQuotaInAnyWindowLengthThenRefuses() {
            for (int i = 1; i <= 100; i++) {
                Decision decision = limiter.tryAcquire("alice");
                assertThat(decision.allowed()).as("request %d of 100 in one minute", i).isTrue();
                assertThat(decision.remaining()).as("remaining after request %d", i).isEqualTo(100 - i);
                clock.advanceMillis(100);
            }
            Decision refused = limiter.tryAcquire("alice");
            assertThat(refused.allowed()).as("request 101 within 60 s").isFalse();
            assertThat(refused.retryAfter())
                    .as("retryAfter 10 s after the first request: it stops counting 60 s after it was made")
                    .isEqualTo(Duration.ofSeconds(50));
        }

        @Test
        void requestsStopCountingExactlyOneWindowAfterTheyWereMade() {
            for (int i = 0; i < 50; i++) {
                limiter.tryAcquire("alice");            // 50 at 00:00:00
            }
            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 50; i++) {
                limiter.tryAcquire("alice");            // 50 at 00:00:30
            }
            clock.advance(Duration.ofSeconds(29));
            assertThat(limiter.tryAcquire("alice").allowed()).as("a request at 00:00:59, with 100 in the last 60 s").isFalse();

            clock.advance(Duration.ofSeconds(1));       // 00:01:00: the 50 made at 00:00:00 are one window old
            int allowed = 0;
            for (int i = 0; i < 60; i++) {
                allowed += limiter.tryAcquire("alice").allowed() ? 1 : 0;
            }
            assertThat(allowed)
                    .as("requests allowed at 00:01:00 when 50 were made at 00:00:00 and 50 at 00:00:30: "
                            + "only the first 50 have left the window")
                    .isEqualTo(50);
        }

        @Test
        void eachClientHasItsOwnLog() {
            for (int i = 0; i < 100; i++) {
                limiter.tryAcquire("alice");
            }
            assertThat(limiter.tryAcquire("alice").allowed()).as("alice's request 101").isFalse();
            assertThat(limiter.tryAcquire("bob").allowed()).as("bob's first request").isTrue();
        }
    }

    @Nested
    class Counter {
        private final SlidingWindowCounterLimiter limiter = new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock);

        /** The course's worked example: 80 in the previous minute, 30 s and 40 requests into this one, the estimate is 80. */
        @Test
        void weighsThePreviousWindowByTheShareStillInside() {
            for (int i = 0; i < 80; i++) {
                limiter.tryAcquire("alice");            // 80 in the minute 00:00
            }
            clock.advance(Duration.ofSeconds(90));      // 00:01:30, halfway through the next minute
            Decision fortieth = null;
            for (int i = 0; i < 40; i++) {
                fortieth = limiter.tryAcquire("alice");
                assertThat(fortieth.allowed()).as("request %d of 40 at 00:01:30", i + 1).isTrue();
            }
            assertThat(fortieth.remaining())
                    .as("remaining after request 40 at 00:01:30: the estimate 80 * 0.5 + 40 = 80 leaves 20 of 100 "
                            + "(remaining counts the previous minute's weight too, not just this minute's 40)")
                    .isEqualTo(20);
            int more = 0;
            while (more < 100 && limiter.tryAcquire("alice").allowed()) {
                more++;
            }
            assertThat(more)
                    .as("more requests allowed at 00:01:30 after 80 last minute and 40 this minute: estimate "
                            + "80 * 0.5 + 40 = 80, so 20 more fit under 100")
                    .isEqualTo(20);
        }

        @Test
        void aQuotaSpentInThisWindowWaitsForItToFadeInTheNext() {
            clock.advance(Duration.ofSeconds(20));
            for (int i = 0; i < 100; i++) {
                limiter.tryAcquire("alice");            // 100 at 00:00:20, the previous minute was empty
            }
            Decision refused = limiter.tryAcquire("alice");
            assertThat(refused.allowed()).as("request 101 at 00:00:20").isFalse();
            assertThat(refused.retryAfter())
                    .as("retryAfter at 00:00:20 with 100 this minute: this minute ends in 40 s, then its 100 become "
                            + "the previous minute and must fade to 99 (100 * (60 - t)/60 + 1 <= 100, t = 0.6 s): 40.6 s")
                    .isEqualTo(Duration.ofMillis(40_600));
        }

        @Test
        void thePreviousWindowFadesAsTheWindowGoesOn() {
            for (int i = 0; i < 100; i++) {
                limiter.tryAcquire("alice");            // 100 at 00:00:00
            }
            clock.advance(Duration.ofSeconds(60));      // 00:01:00: weight 1, nothing fits
            assertThat(limiter.tryAcquire("alice").allowed()).as("a request at 00:01:00 after 100 in the minute before").isFalse();
            clock.advance(Duration.ofSeconds(15));      // 00:01:15: weight 0.75, estimate 75
            int allowed = 0;
            while (allowed < 100 && limiter.tryAcquire("alice").allowed()) {
                allowed++;
            }
            assertThat(allowed)
                    .as("requests allowed at 00:01:15 after 100 in the previous minute: 100 * 45/60 = 75, room for 25")
                    .isEqualTo(25);
            Decision refused = limiter.tryAcquire("alice");
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfter())
                    .as("retryAfter at 00:01:15 with 100 last minute and 25 now: one more fits when "
                            + "100 * (60 - t)/60 + 25 + 1 <= 100, at t = 15.6 s")
                    .isEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void theLogForgetsClientsWithNothingLeftInTheWindow() {
        Traces.forgetsIdleClients(new SlidingWindowLogLimiter(HUNDRED_PER_MINUTE, clock), clock, Duration.ofMinutes(1));
    }

    @Test
    void theCounterForgetsClientsWhoseCountsWeighNothing() {
        Traces.forgetsIdleClients(new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock), clock, Duration.ofMinutes(2));
    }
}
