package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * The given part of {@link TokenBucketLimiter}: a bucket's size and refill rate, checked once, and
 * the clock read in nanoseconds. {@link TokenBucketLimiter} writes only
 * {@link RateLimiter#tryAcquire(String)}.
 */
public abstract class TokenBucketBase {
    /** The most tokens a bucket holds; a new bucket is full. */
    protected final long capacity;
    /** Tokens that come back per {@link #refillPeriodNanos}. */
    protected final long refillTokens;
    protected final long refillPeriodNanos;
    protected final Clock clock;

    protected TokenBucketBase(int capacity, int refillTokens, Duration refillPeriod, Clock clock) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive refill rate, got capacity "
                    + capacity + ", " + refillTokens + " tokens per " + refillPeriod);
        }
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriodNanos = refillPeriod.toNanos();
        this.clock = clock;
    }

    /** The clock's time in nanoseconds since the epoch (a long holds them until the year 2262). */
    protected long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
