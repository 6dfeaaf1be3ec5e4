package workbook.stampede;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Spreads expiry times: keys written together with the same base TTL get TTLs drawn uniformly from
 * {@code [base * (1 - spread), base * (1 + spread)]}, so they do not all expire in the same second.
 */
public final class TtlJitter {
    private final double spread;
    private final RandomGenerator random;

    /**
     * @param spread  the fraction of the base TTL to spread over on each side, between 0 (exclusive) and 1 (exclusive)
     * @param random  the source of randomness (seeded in tests)
     */
    public TtlJitter(double spread, RandomGenerator random) {
        if (!(spread > 0 && spread < 1)) {
            throw new IllegalArgumentException("spread must be a fraction between 0 and 1 (0.1 means ±10%), got " + spread);
        }
        this.spread = spread;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A TTL near {@code base}: within {@code base * (1 ± spread)}, whole milliseconds, both ends of the
     * range included, never under 1 ms. A base under 1 ms is refused with an IllegalArgumentException
     * whose message names the base TTL.
     */
    public Duration next(Duration base) {
        long millis = base.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("the base TTL must be at least 1 ms, got " + base);
        }
        long shortest = Math.max(1, Math.round(millis * (1 - spread)));
        long longest = Math.round(millis * (1 + spread));
        // Uniform, not bell-shaped: a uniform spread keeps every second of the range equally (and thinly) loaded.
        return Duration.ofMillis(random.nextLong(shortest, longest + 1));
    }
}
