package workbook.stampede;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: the decisions come from the given generator, and other loads behave too. */
@Task(6)
class HiddenTask6EarlyExpirationTest {
    @Test
    void theSameSeedGivesTheSameDecisions() {
        List<Boolean> first = decisions(new EarlyExpiration(1.0, new Random(123)));
        List<Boolean> second = decisions(new EarlyExpiration(1.0, new Random(123)));

        assertThat(first).contains(true, false);
        assertThat(second).as("decisions with the same seed: all randomness must come from the given generator").isEqualTo(first);
    }

    @Test
    void heavierLoadStillRecomputesAboutOncePerTtl() {
        for (long seed = 100; seed < 103; seed++) {
            Task6EarlyExpirationTest.Run run = Task6EarlyExpirationTest.simulate(new EarlyExpiration(1.0, new Random(seed)), Duration.ofMillis(5));
            assertThat(run.missedExpiries()).as("missed expiries, a read every 5 ms, seed %d", seed).isLessThanOrEqualTo(3);
            assertThat(run.recomputationsPerTtl()).as("recomputations per TTL, a read every 5 ms, seed %d", seed).isBetween(0.95, 1.25);
        }
    }

    private static List<Boolean> decisions(EarlyExpiration early) {
        Instant expiry = Instant.parse("2026-01-01T00:00:10Z");
        List<Boolean> decisions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            decisions.add(early.shouldRecompute(expiry.minusMillis(300), expiry, Duration.ofMillis(300)));
        }
        return decisions;
    }

    @Test
    void aValueHasExpiredAtItsExpiryInstant() {
        EarlyExpiration early = new EarlyExpiration(1.0, new Random(9));
        Instant expiry = Instant.parse("2026-01-01T00:00:10Z");
        for (int i = 0; i < 1_000; i++) {
            assertThat(early.shouldRecompute(expiry, expiry, Duration.ZERO)).as("a read at the expiry instant itself "
                    + "(recompute time 0, read %d): the value has expired, as Redis would have dropped it", i + 1).isTrue();
        }
    }
}
