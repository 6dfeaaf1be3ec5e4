package workbook.ratelimit;

import workbook.labkit.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * A thousand clients make one request each and fall quiet for {@code quiet}; then a new client
     * comes. Checks the limiter held all thousand while they were active and only the newcomer after.
     */
    static <L extends RateLimiter & TracksClients> void forgetsIdleClients(L limiter, MutableClock clock, Duration quiet) {
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire("client-" + i);
        }
        assertThat(limiter.clientsTracked()).as("clients tracked after 1000 clients made one request each").isEqualTo(1000);
        clock.advance(quiet);
        assertThat(limiter.tryAcquire("newcomer").allowed()).as("a new client's first request").isTrue();
        assertThat(limiter.clientsTracked())
                .as("clients tracked once the 1000 have been quiet for %s and a new client came. Each of them is now "
                        + "the same as a new client, so keeping it costs memory and changes no decision: a server that "
                        + "runs for months would keep every client it ever saw", quiet)
                .isEqualTo(1);
    }
}
