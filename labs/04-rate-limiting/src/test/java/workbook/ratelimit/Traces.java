package workbook.ratelimit;

import workbook.labkit.testing.MutableClock;

import java.time.Instant;

/** Request traces shared by several tasks' tests. */
final class Traces {
    private Traces() {
    }

    /**
     * The boundary burst: 100 requests in the last second of a minute (00:00:59) and 100 in the first
     * second of the next, 10 ms apart, all from one client. Returns how many the limiter allowed.
     */
    static int boundaryBurst(RateLimiter limiter, MutableClock clock) {
        clock.set(Instant.parse("2026-01-01T00:00:59Z"));
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            if (limiter.tryAcquire("alice").allowed()) {
                allowed++;
            }
            clock.advanceMillis(10);
        }
        return allowed;
    }
}
