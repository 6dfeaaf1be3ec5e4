package workbook.failing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resilience4j's CircuitBreaker, configured like Task 5 (count-based window of 10, 50%, at least 5
 * calls, 30 s open, one call in half-open), on the same fake clock and against the same contract.
 */
@Task(5)
class Resilience4jCircuitBreakerContractTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));

    private CircuitBreaker breaker() {
        return CircuitBreaker.of("recommendations", CircuitBreakerConfig.custom()
                .slidingWindow(10, 5, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    }

    private static void calls(CircuitBreaker breaker, String outcomes) {
        for (char outcome : outcomes.toCharArray()) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            if (outcome == 'S') {
                breaker.onSuccess(1, TimeUnit.MILLISECONDS);
            } else {
                breaker.onError(1, TimeUnit.MILLISECONDS, new DependencyException("failed", 500));
            }
        }
    }

    @Test
    void opensOnTheFailureRateOfTheSlidingWindow() {
        CircuitBreaker breaker = breaker();
        calls(breaker, "SSFSFSFSFS");
        assertThat(breaker.getState()).as("4 failures in the last 10").isEqualTo(CircuitBreaker.State.CLOSED);
        calls(breaker, "F");
        assertThat(breaker.getState()).as("5 failures in the last 10 (50%)").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void oneProbeAfterTheCooldownAndItsOutcomeDecides() {
        CircuitBreaker breaker = breaker();
        calls(breaker, "FFFFF");
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(breaker.tryAcquirePermission()).as("29.999 s after opening").isFalse();
        // Past the wait (this test does not depend on how Resilience4j treats the exact boundary).
        clock.advance(Duration.ofMillis(2));
        long permitted = Concurrently.values(Concurrently.run(32, caller -> breaker.tryAcquirePermission()))
                .stream().filter(p -> p).count();
        assertThat(permitted).as("callers let through among 32 arriving together after the cooldown").isEqualTo(1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.onError(1, TimeUnit.MILLISECONDS, new DependencyException("still failing", 503));
        assertThat(breaker.getState()).as("after a bad probe").isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquirePermission()).as("29 s after the bad probe").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(breaker.tryAcquirePermission()).as("the next probe").isTrue();
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        assertThat(breaker.getState()).as("after a good probe").isEqualTo(CircuitBreaker.State.CLOSED);
        calls(breaker, "FFFF");
        assertThat(breaker.getState()).as("4 failures after closing: a fresh window").isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
