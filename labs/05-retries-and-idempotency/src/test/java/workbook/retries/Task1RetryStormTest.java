package workbook.retries;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1RetryStormTest {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** Six attempts in all; the first retry waits up to 100 ms, then 200, 400, 800, and never more than 2 s. */
    static final RetrySettings SETTINGS = new RetrySettings(6, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final MutableClock clock = MutableClock.at(START);
    private LoadServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fiftyClientsThatFailTogetherDoNotComeBackTogether() throws Exception {
        // The server takes 30 requests at once and 30 per 100 ms after that; 50 clients arrive at the same instant.
        server = LoadServer.start(clock, 30, 30);
        RetryStorm.Result result = RetryStorm.run(server, clock, START, RetryStorm.Workload.synchronizedBurst(50),
                client -> new RetryPolicy(SETTINGS, new Random(1000 + client)), client -> Optional.empty());
        int[] perWindow = server.perWindow(START, Duration.ofMillis(100), 40);
        System.out.printf("[Task 1] 50 clients, one call each: the server saw %d requests (%.2fx); per 100 ms: %s%n",
                result.requestsSeen(), result.amplification(), Arrays.toString(Arrays.copyOf(perWindow, 10)));
        assertThat(result.requestsSeen())
                .as("requests the server saw for 50 calls (%.2fx), %d calls failed in the end. Retrying at once sends "
                        + "every failed client back into the same overloaded moment: a retry storm. Wait "
                        + "random(0, min(cap, base × 2^retry)) before each retry", result.amplification(), result.failedCalls())
                .isLessThanOrEqualTo(75);
        assertThat(result.failedCalls()).as("calls that gave up, though the server had capacity a few hundred ms later").isZero();
        int[] per10ms = server.perWindow(START, Duration.ofMillis(10), 400);
        per10ms[0] -= 50; // the 50 first attempts: count retries only
        int wave = Arrays.stream(per10ms).max().orElse(0);
        assertThat(wave)
                .as("most retries arriving within one 10 ms (per 10 ms, first 100 ms: %s). 20 clients refused together "
                        + "and coming back together are a synchronized wave that meets a server with no capacity left: "
                        + "jitter spreads them", Arrays.toString(Arrays.copyOf(per10ms, 10)))
                .isLessThanOrEqualTo(6);
    }

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new Random(7));
        long[] expectedCeilings = {100, 200, 400, 800, 1600, 2000, 2000};
        for (int retry = 0; retry < expectedCeilings.length; retry++) {
            LongSummaryStatistics delays = draws(policy, retry, 4000);
            long ceiling = expectedCeilings[retry];
            assertThat(delays.getMin()).as("smallest of 4000 delays before retry %d: full jitter starts at 0", retry)
                    .isBetween(0L, ceiling / 50);
            assertThat(delays.getMax()).as("largest of 4000 delays before retry %d: the ceiling is "
                    + "min(cap 2000, base 100 × 2^%d) = %d ms", retry, retry, ceiling).isBetween(ceiling - ceiling / 50, ceiling);
            assertThat(delays.getAverage()).as("mean delay before retry %d: uniform in [0, %d] means about %d",
                    retry, ceiling, ceiling / 2).isBetween(ceiling * 0.45, ceiling * 0.55);
        }
    }

    @Test
    void manyRetriesStayAtTheCap() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new Random(11));
        for (int retry : new int[]{40, 63, 64, 1000}) {
            LongSummaryStatistics delays = draws(policy, retry, 500);
            assertThat(delays.getMin()).as("delays before retry %d: base × 2^%d overflows a long; the cap still holds", retry, retry)
                    .isGreaterThanOrEqualTo(0);
            assertThat(delays.getMax()).as("largest delay before retry %d (cap 2000 ms)", retry).isBetween(1900L, 2000L);
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        long[] first = IntStream.range(0, 20).mapToLong(i -> new RetryPolicy(SETTINGS, new Random(42)).backoff(3).toMillis()).toArray();
        RetryPolicy one = new RetryPolicy(SETTINGS, new Random(42));
        RetryPolicy two = new RetryPolicy(SETTINGS, new Random(42));
        for (int retry = 0; retry < 6; retry++) {
            assertThat(one.backoff(retry)).as("retry %d with two policies seeded alike: the jitter comes from the Random "
                    + "you were given, so a test can replay it", retry).isEqualTo(two.backoff(retry));
        }
        assertThat(first).as("delays of 20 policies all seeded 42").containsOnly(first[0]);
    }

    @Test
    void eachRetryWaitsItsBackoff() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new Random(3));
        Request get = Request.get("/work");
        Optional<Reply> overloaded = Optional.of(Reply.of(503, ""));
        LongSummaryStatistics fourthAttempt = new LongSummaryStatistics();
        for (int i = 0; i < 2000; i++) {
            Optional<Duration> wait = policy.delayBeforeNextAttempt(get, 4, overloaded, START);
            assertThat(wait).as("after the 4th of 6 attempts failed with 503, a 5th is due").isPresent();
            fourthAttempt.accept(wait.get().toMillis());
        }
        assertThat(fourthAttempt.getMax()).as("largest wait after the 4th attempt: that is retry 3, ceiling 100 × 2^3 = 800 ms")
                .isBetween(780L, 800L);
        assertThat(fourthAttempt.getAverage()).as("mean wait after the 4th attempt (uniform in [0, 800])").isBetween(360.0, 440.0);
        assertThat(policy.delayBeforeNextAttempt(get, 6, overloaded, START))
                .as("after the 6th of 6 attempts: no more").isEmpty();
    }

    private static LongSummaryStatistics draws(RetryPolicy policy, int retry, int count) {
        LongSummaryStatistics stats = new LongSummaryStatistics();
        for (int i = 0; i < count; i++) {
            stats.accept(policy.backoff(retry).toMillis());
        }
        return stats;
    }
}
