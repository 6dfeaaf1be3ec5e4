package workbook.failing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(5)
class Task5CircuitBreakerTest {
    /** The last 10 calls; open at 50% failures once 5 calls are in the window; 30 s of cooldown. */
    static final BreakerSettings SETTINGS = new BreakerSettings(10, 50, 5, Duration.ofSeconds(30));

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(SETTINGS, clock);

    /** Records calls written as a string: S a success, F a failure. Each asks for permission first. */
    private void calls(String outcomes) {
        for (char outcome : outcomes.toCharArray()) {
            assertThat(breaker.tryAcquirePermission()).as("permission for a call while the breaker is closed").isTrue();
            if (outcome == 'S') {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
    }

    private void open() {
        calls("FFFFF");
        assertThat(breaker.state()).as("after 5 failures in 5 calls (100%)").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void opensWhenTheFailureRateReachesTheThreshold() {
        calls("FSFS");
        assertThat(breaker.state()).as("after F S F S: 4 calls, fewer than the minimum of 5").isEqualTo(BreakerState.CLOSED);
        calls("F");
        assertThat(breaker.state()).as("after F S F S F: 3 failures in 5 calls is 60%, over the 50% threshold "
                + "(failures need not come in a row)").isEqualTo(BreakerState.OPEN);
        assertThat(breaker.tryAcquirePermission()).as("permission while open").isFalse();
    }

    @Test
    void theWindowSlidesOverTheLastCalls() {
        calls("SSFSFSFSFS");
        assertThat(breaker.state()).as("after S S F S F S F S F S: 4 failures in the last 10 calls (40%)")
                .isEqualTo(BreakerState.CLOSED);
        calls("F");
        assertThat(breaker.state()).as("one more failure: the oldest call (a success) leaves the window of 10, which now "
                + "holds 5 failures (50%, the threshold)").isEqualTo(BreakerState.OPEN);
    }

    @Test
    void openFailsFastUntilTheCooldownHasPassed() {
        open();
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(breaker.tryAcquirePermission()).as("permission 29.999 s after opening (cooldown 30 s)").isFalse();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advanceMillis(1);
        assertThat(breaker.tryAcquirePermission()).as("permission 30 s after opening: the way back starts with one probe")
                .isTrue();
        assertThat(breaker.state()).as("state while the probe is out").isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).as("a second caller while the probe is out").isFalse();
    }

    @Test
    void exactlyOneProbeAmongManyConcurrentCallers() {
        for (int round = 0; round < 5; round++) {
            CircuitBreaker shared = new CircuitBreaker(SETTINGS, clock);
            for (int i = 0; i < 5; i++) {
                shared.tryAcquirePermission();
                shared.onFailure();
            }
            clock.advance(Duration.ofSeconds(31));
            List<Boolean> permitted = Concurrently.values(Concurrently.run(32, caller -> shared.tryAcquirePermission()));
            assertThat(permitted.stream().filter(p -> p).count())
                    .as("callers let through when 32 arrive together after the cooldown (round %d): a half-open breaker "
                            + "sends exactly one probe, or a struggling dependency gets the whole crowd at once", round)
                    .isEqualTo(1);
        }
    }

    @Test
    void aGoodProbeClosesTheBreakerWithAFreshWindow() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquirePermission()).as("the probe").isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).as("after the probe succeeded").isEqualTo(BreakerState.CLOSED);
        calls("FFFF");
        assertThat(breaker.state()).as("4 failures after closing: the window started empty again, so 4 calls are "
                + "under the minimum of 5 (the 5 failures from before must not count)").isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aBadProbeOpensItAgainForAWholeCooldown() {
        open();
        clock.advance(Duration.ofSeconds(45));
        assertThat(breaker.tryAcquirePermission()).as("the probe, 45 s after opening").isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).as("after the probe failed").isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquirePermission()).as("permission 29 s after the failed probe: the cooldown starts again "
                + "from the probe's failure").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquirePermission()).as("permission 30 s after the failed probe: the next probe").isTrue();
    }
}
