package workbook.stampede;

import java.time.Duration;

/**
 * How {@link FleetCache} treats a key.
 *
 * @param freshFor  how long a value is served as it is (the TTL of the story: 10 s)
 * @param staleFor  how much longer Redis keeps it after that, so it can be served stale while one
 *                  caller rebuilds it (the Redis key lives {@code freshFor + staleFor})
 * @param lockTtl   how long the rebuild lock lives if its holder never releases it (a crash)
 * @param maxWait   how long a caller with nothing to serve waits for someone else's rebuild
 */
public record FleetPolicy(Duration freshFor, Duration staleFor, Duration lockTtl, Duration maxWait) {

    public FleetPolicy {
        requirePositive("freshFor", freshFor);
        requirePositive("staleFor", staleFor);
        requirePositive("lockTtl", lockTtl);
        requirePositive("maxWait", maxWait);
    }

    /** 10 s fresh, then 60 s stale; a 5 s lock; wait at most 10 s. */
    public static FleetPolicy defaults() {
        return new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("FleetPolicy." + name + " must be a positive duration, got " + value);
        }
    }
}
