package workbook.stampede;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Spreads expiry times: keys written together with the same base TTL get TTLs drawn uniformly from
 * {@code [base * (1 - spread), base * (1 + spread)]}, so they do not all expire in the same second.
 */
public final class TtlJitter {

    /**
     * @param spread  the fraction of the base TTL to spread over on each side, between 0 (exclusive) and 1 (exclusive)
     * @param random  the source of randomness (seeded in tests)
     */
    public TtlJitter(double spread, RandomGenerator random) {
        // Task 5: check the spread and keep both.
    }

    /**
     * A TTL near {@code base}: within {@code base * (1 ± spread)}, whole milliseconds, both ends of the
     * range included, never under 1 ms. A base under 1 ms is refused with an IllegalArgumentException
     * whose message names the base TTL.
     */
    public Duration next(Duration base) {
        throw new UnsupportedOperationException("Task 5: draw a TTL uniformly within base * (1 ± spread)");
    }
}
