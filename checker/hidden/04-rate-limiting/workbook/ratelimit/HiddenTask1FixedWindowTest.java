package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 1: windows other than a minute, and the time reported until the window ends. */
@Task(1)
class HiddenTask1FixedWindowTest {

    @Test
    void tenSecondWindowsAreCutEveryTenSeconds() {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FixedWindowLimiter limiter = new FixedWindowLimiter(new Policy("burst", 3, Duration.ofSeconds(10)), clock);
        clock.advance(Duration.ofSeconds(7));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("alice").allowed()).as("request %d of 3 at 00:00:07", i + 1).isTrue();
        }
        Decision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).as("request 4 at 00:00:07 (limit 3 per 10 s)").isFalse();
        assertThat(refused.retryAfter()).as("retryAfter at 00:00:07 with windows cut every 10 s").isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire("alice").allowed()).as("a request at 00:00:10, the next window").isTrue();
    }

    @Test
    void theLastAllowedRequestSaysHowLongToWait() {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FixedWindowLimiter limiter = new FixedWindowLimiter(Policy.perMinute("default", 2), clock);
        clock.advance(Duration.ofSeconds(45));
        limiter.tryAcquire("alice");
        Decision last = limiter.tryAcquire("alice");
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        assertThat(last.retryAfter()).as("retryAfter on the last allowed request, 45 s into the minute").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aClientStillCountingInThisWindowIsKept() {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FixedWindowLimiter limiter = new FixedWindowLimiter(Policy.perMinute("default", 3), clock);
        limiter.tryAcquire("old");
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("alice");
        }
        limiter.tryAcquire("bob");
        assertThat(limiter.clientsTracked()).as("clients tracked at 00:01:01: alice and bob counting in this window, "
                + "the one from the minute before forgotten").isEqualTo(2);
        assertThat(limiter.tryAcquire("alice").allowed()).as("alice's 4th request in the window (limit 3)").isFalse();
    }
}
