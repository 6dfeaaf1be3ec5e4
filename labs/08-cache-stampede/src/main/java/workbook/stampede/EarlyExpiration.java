package workbook.stampede;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Probabilistic early expiration, the XFetch rule of Vattani, Chierichetti and Lowenstein
 * ("Optimal Probabilistic Cache Stampede Prevention", VLDB 2015). Each reader of a cached value
 * decides on its own, at random, to recompute it before it expires; the closer the expiry and the
 * longer the recomputation takes, the likelier it is. Under steady load one reader refreshes the
 * key shortly before it expires, and nobody ever sees it expire.
 */
public final class EarlyExpiration {

    /**
     * @param beta    how eager to be: 1 is the paper's recommended default; above 1 refreshes earlier
     * @param random  the source of randomness (seeded in tests)
     */
    public EarlyExpiration(double beta, RandomGenerator random) {
        // Task 6: check beta and keep both.
    }

    /**
     * Whether the reader at {@code now} should recompute a value that expires at {@code expiry} and
     * took {@code recomputeTime} to compute last time. Always true once the value has expired, and a
     * value has expired from its {@code expiry} instant on (as Redis drops a key at its expiry).
     */
    public boolean shouldRecompute(Instant now, Instant expiry, Duration recomputeTime) {
        throw new UnsupportedOperationException("Task 6: recompute when now - recomputeTime * beta * ln(random) >= expiry");
    }
}
