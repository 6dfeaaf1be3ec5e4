package workbook.retries;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 1: both ends of the range, small ceilings, and which retry each attempt waits for. */
@Task(1)
class HiddenTask1BackoffTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void bothEndsOfTheRangeAreDrawn() {
        RetryPolicy policy = new RetryPolicy(new RetrySettings(5, Duration.ofMillis(3), Duration.ofMillis(10)), new Random(17));
        int[][] expected = {{0, 1, 2, 3}, {0, 1, 2, 3, 4, 5, 6}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
        for (int retry = 0; retry < expected.length; retry++) {
            TreeSet<Long> seen = new TreeSet<>();
            for (int i = 0; i < 3000; i++) {
                seen.add(policy.backoff(retry).toMillis());
            }
            assertThat(seen).as("delays drawn before retry %d with base 3 ms and cap 10 ms: every whole ms from 0 to "
                    + "min(10, 3 × 2^%d), both ends included", retry, retry)
                    .containsExactlyElementsOf(java.util.Arrays.stream(expected[retry]).mapToObj(Long::valueOf).toList());
        }
    }

    @Test
    void aOneMillisecondCeilingStillJitters() {
        RetryPolicy policy = new RetryPolicy(new RetrySettings(5, Duration.ofMillis(1), Duration.ofMillis(1)), new Random(3));
        TreeSet<Long> seen = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(policy.backoff(4).toMillis());
        }
        assertThat(seen).as("delays with a ceiling of 1 ms: 0 and 1").containsExactly(0L, 1L);
    }

    @Test
    void attemptNWaitsTheBackoffOfRetryNMinusOne() {
        RetrySettings settings = new RetrySettings(8, Duration.ofMillis(50), Duration.ofSeconds(60));
        Optional<Reply> unavailable = Optional.of(Reply.of(503, ""));
        for (int attempt = 1; attempt < 8; attempt++) {
            RetryPolicy viaDelay = new RetryPolicy(settings, new Random(100 + attempt));
            RetryPolicy viaBackoff = new RetryPolicy(settings, new Random(100 + attempt));
            for (int i = 0; i < 20; i++) {
                assertThat(viaDelay.delayBeforeNextAttempt(Request.get("/work"), attempt, unavailable, NOW))
                        .as("wait after attempt %d failed: backoff(%d) from the same seed", attempt, attempt - 1)
                        .contains(viaBackoff.backoff(attempt - 1));
            }
        }
    }
}
