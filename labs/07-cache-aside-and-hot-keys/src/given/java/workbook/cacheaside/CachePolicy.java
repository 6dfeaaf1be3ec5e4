package workbook.cacheaside;

import java.time.Duration;

/**
 * How long {@link CacheAside} keeps things in Redis.
 *
 * @param ttl         how long a product found in the database stays cached (source 001: 300 s)
 * @param negativeTtl how long "no such product" stays cached (source 000: 10 s); short, because a
 *                    row inserted behind the cache's back stays invisible for that long
 * @param leaseTtl    the longest a reader's claim to fill a key may last (Task 3): if the reader
 *                    dies between reading the database and writing the cache, the claim ends by
 *                    itself after this long
 */
public record CachePolicy(Duration ttl, Duration negativeTtl, Duration leaseTtl) {

    public CachePolicy {
        requirePositive("ttl", ttl);
        requirePositive("negativeTtl", negativeTtl);
        requirePositive("leaseTtl", leaseTtl);
    }

    /** 300 s for products, 10 s for absent ones, 5 s for a lease. */
    public static CachePolicy defaults() {
        return new CachePolicy(Duration.ofSeconds(300), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("CachePolicy." + name + " must be a positive duration, got " + value);
        }
    }
}
