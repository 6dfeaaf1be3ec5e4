package workbook.failing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@Task(5)
class HiddenTask5CircuitBreakerTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-07-14T23:59:58Z"));

    private static void record(CircuitBreaker breaker, String outcomes) {
        for (char outcome : outcomes.toCharArray()) {
            assertThat(breaker.tryAcquirePermission()).as("permission while closed").isTrue();
            if (outcome == 'S') {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
    }

    @Test
    void aLateSuccessWhileOpenDoesNotCloseIt() {
        CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(4, 50, 2, Duration.ofSeconds(10)), clock);
        record(breaker, "FF");
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        breaker.onSuccess();    // a call let through before the breaker opened finishes now
        assertThat(breaker.state()).as("state after a straggler's success while open: only a probe may close it")
                .isEqualTo(BreakerState.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void aLateFailureWhileOpenDoesNotExtendTheCooldown() {
        CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(4, 50, 2, Duration.ofSeconds(10)), clock);
        record(breaker, "FF");
        clock.advance(Duration.ofSeconds(6));
        breaker.onFailure();    // a straggler
        clock.advance(Duration.ofSeconds(4));
        assertThat(breaker.tryAcquirePermission()).as("permission 10 s after opening, a straggler's failure came in at 6 s: "
                + "the cooldown counts from the opening").isTrue();
    }

    @Test
    void theThresholdIsAPercentageOfTheWindowNotOfAllCalls() {
        CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(5, 60, 5, Duration.ofSeconds(10)), clock);
        record(breaker, "FFSSSSSSSS");
        record(breaker, "FF");
        assertThat(breaker.state()).as("window of 5 holding S S S F F (40%%) after F F and 8 successes").isEqualTo(BreakerState.CLOSED);
        record(breaker, "F");
        assertThat(breaker.state()).as("window of 5 holding S S F F F (60%%, the threshold)").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void theMinimumCountsOutcomesInTheWindow() {
        CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(3, 100, 3, Duration.ofSeconds(1)), clock);
        record(breaker, "FF");
        assertThat(breaker.state()).as("2 failures, minimum 3").isEqualTo(BreakerState.CLOSED);
        record(breaker, "F");
        assertThat(breaker.state()).as("3 failures of 3 at a 100% threshold").isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onSuccess();
        record(breaker, "SFF");
        assertThat(breaker.state()).as("after closing: S F F is 67%, under a 100% threshold").isEqualTo(BreakerState.CLOSED);
        record(breaker, "F");
        assertThat(breaker.state()).as("F F F in the window").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aProbeThatSucceedsLetsEveryoneThroughAgain() {
        CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(2, 50, 1, Duration.ofMillis(500)), clock);
        record(breaker, "F");
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advanceMillis(499);
        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advanceMillis(1);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        breaker.onSuccess();
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquirePermission()).as("caller %d after the probe closed the breaker", i).isTrue();
        }
        breaker.onSuccess();
        breaker.onFailure();
        assertThat(breaker.state()).as("S F in a window of 2: 50%").isEqualTo(BreakerState.OPEN);
    }
}
