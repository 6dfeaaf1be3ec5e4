package workbook.stampede;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Probabilistic early expiration, the XFetch rule of Vattani, Chierichetti and Lowenstein
 * ("Optimal Probabilistic Cache Stampede Prevention", VLDB 2015). Each reader of a cached value
 * decides on its own, at random, to recompute it before it expires; the closer the expiry and the
 * longer the recomputation takes, the likelier it is. Under steady load one reader refreshes the
 * key shortly before it expires, and nobody ever sees it expire.
 */
public final class EarlyExpiration {
    private final double beta;
    private final RandomGenerator random;

    /**
     * @param beta    how eager to be: 1 is the paper's recommended default; above 1 refreshes earlier
     * @param random  the source of randomness (seeded in tests)
     */
    public EarlyExpiration(double beta, RandomGenerator random) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a positive number (1 is the usual choice), got " + beta);
        }
        this.beta = beta;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Whether the reader at {@code now} should recompute a value that expires at {@code expiry} and
     * took {@code recomputeTime} to compute last time. Always true once the value has expired, and a
     * value has expired from its {@code expiry} instant on (as Redis drops a key at its expiry).
     */
    public boolean shouldRecompute(Instant now, Instant expiry, Duration recomputeTime) {
        // -ln(u) for u uniform in (0, 1] is exponentially distributed with mean 1: this reader looks
        // that many "recompute times" (scaled by beta) into the future, and refreshes if the expiry
        // falls within that look-ahead. Far from expiry almost nobody does; near it almost everybody would.
        double lookAheadNanos = recomputeTime.toNanos() * beta * -Math.log(1.0 - random.nextDouble());
        long untilExpiryNanos = Duration.between(now, expiry).toNanos();
        return lookAheadNanos >= untilExpiryNanos;
    }
}
