package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1FixedWindowTest {
    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);

    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final FixedWindowLimiter limiter = new FixedWindowLimiter(HUNDRED_PER_MINUTE, clock);

    @Test
    void allowsTheQuotaInAWindowThenRefuses() {
        clock.advance(Duration.ofSeconds(20));
        for (int i = 1; i <= 100; i++) {
            Decision decision = limiter.tryAcquire("alice");
            assertThat(decision.allowed()).as("request %d of 100 in one minute (limit 100)", i).isTrue();
            assertThat(decision.remaining()).as("remaining after request %d of 100", i).isEqualTo(100 - i);
        }
        Decision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).as("request 101 in the same minute (limit 100)").isFalse();
        assertThat(refused.retryAfter())
                .as("retryAfter 20 s into a 60 s window: the window ends 40 s from now")
                .isEqualTo(Duration.ofSeconds(40));
        assertThat(refused.resetAfter()).as("resetAfter 20 s into the window").isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aNewWindowStartsFromZero() {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        assertThat(limiter.tryAcquire("alice").allowed()).as("request 101 in the first minute").isFalse();

        clock.advance(Duration.ofSeconds(60));
        Decision next = limiter.tryAcquire("alice");
        assertThat(next.allowed()).as("first request of the next minute: the count starts again").isTrue();
        assertThat(next.remaining()).as("remaining after the first request of a new window").isEqualTo(99);
    }

    @Test
    void windowsAreAlignedOnTheClockNotOnTheFirstRequest() {
        clock.advance(Duration.ofSeconds(50));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofSeconds(10)); // 00:01:00, a new minute, only 10 s after the first request
        assertThat(limiter.tryAcquire("alice").allowed())
                .as("first request at 00:01:00 after 100 at 00:00:50: fixed windows are cut at whole minutes")
                .isTrue();
    }

    @Test
    void eachClientHasItsOwnCount() {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        assertThat(limiter.tryAcquire("alice").allowed()).as("alice's request 101").isFalse();
        assertThat(limiter.tryAcquire("bob").allowed()).as("bob's first request, after alice used her quota").isTrue();
    }

    /** Reproduces the failure of fixed windows: the whole quota at the end of a window, again at the start of the next. */
    @Test
    void reproduceTheBoundaryBurstTwiceTheLimitInTwoSeconds() {
        int allowed = Traces.boundaryBurst(limiter, clock);

        System.out.printf("[Task 1] boundary burst on a fixed window: %d of 200 requests allowed between 00:00:59 "
                + "and 00:01:01, limit 100 per minute (%.1fx)%n", allowed, allowed / 100.0);
        assertThat(allowed)
                .as("requests a fixed window allows in the 2 s around a window edge (limit 100 per minute): "
                        + "each window sees only its own 100, so both bursts pass")
                .isEqualTo(200);
    }

    /** Reproduces the fleet failure: eight servers, each with its own in-memory limiter, each allowing the whole quota. */
    @Test
    void reproduceEightServersEachCountingAlone() {
        List<RateLimiter> servers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servers.add(new FixedWindowLimiter(HUNDRED_PER_MINUTE, clock));
        }
        int allowed = 0;
        for (int request = 0; request < 800; request++) {
            // The load balancer sends one API key's requests round-robin across the fleet.
            if (servers.get(request % 8).tryAcquire("alice").allowed()) {
                allowed++;
            }
            clock.advanceMillis(10);
        }
        System.out.printf("[Task 1] 8 servers each counting alone: %d of 800 requests allowed in 8 s for one API key, "
                + "limit 100 per minute (%dx)%n", allowed, allowed / 100);
        assertThat(allowed)
                .as("requests allowed for one key by 8 servers with separate in-memory counters: each allows its own 100")
                .isEqualTo(800);
    }

    @Test
    void forgetsClientsWhoseWindowIsOver() {
        Traces.forgetsIdleClients(new FixedWindowLimiter(Policy.perMinute("default", 100), clock), clock, Duration.ofMinutes(1));
    }
}
