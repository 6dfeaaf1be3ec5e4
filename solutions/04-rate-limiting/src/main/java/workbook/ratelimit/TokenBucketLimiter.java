package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Token bucket with lazy refill (Task 3). Each client has a bucket of up to {@code capacity} tokens,
 * full at first; a request spends one token, and an empty bucket refuses. Tokens come back at
 * {@code refillTokens} per {@code refillPeriod}, computed from the elapsed time when a request arrives:
 * no timer, no thread, no work for idle clients. A quiet client saves up to {@code capacity} and may
 * spend it in one burst; over a long run it gets the refill rate.
 */
public final class TokenBucketLimiter extends TokenBucketBase implements RateLimiter, TracksClients {
    private final Map<String, Bucket> buckets = new HashMap<>();
    /** A full bucket, in units (see {@link Bucket}). */
    private final long fullUnits;
    /** How long an empty bucket takes to fill: after that long, any bucket is full. */
    private final long fillNanos;
    /** When idle clients are next forgotten: one sweep per fill time is enough. */
    private long nextSweepNanos = Long.MIN_VALUE;

    /**
     * The bucket's level is kept in "units" of 1 / refillPeriodNanos of a token, so that refilling is
     * exact integer arithmetic: {@code elapsedNanos * refillTokens} units arrive, and a token costs
     * {@code refillPeriodNanos} units. A refill a few nanoseconds long never loses its fraction.
     */
    private static final class Bucket {
        long units;
        long refilledAtNanos;
    }

    public TokenBucketLimiter(int capacity, int refillTokens, Duration refillPeriod, Clock clock) {
        super(capacity, refillTokens, refillPeriod, clock);
        fullUnits = capacity * refillPeriodNanos;
        fillNanos = fullUnits / refillTokens;
    }

    /** The usual shape for an API: bursts of up to the quota, refilled at quota per window. */
    public static TokenBucketLimiter forPolicy(Policy policy, Clock clock) {
        return new TokenBucketLimiter(policy.quota(), policy.quota(), policy.window(), clock);
    }

    @Override
    public synchronized Decision tryAcquire(String clientKey) {
        long now = nanos();
        if (now >= nextSweepNanos) {
            // A bucket that has filled up again is the same as a new one.
            buckets.values().removeIf(old -> refilled(old, now) == fullUnits);
            nextSweepNanos = now + fillNanos;
        }
        Bucket bucket = buckets.computeIfAbsent(clientKey, key -> {
            Bucket fresh = new Bucket();
            fresh.units = fullUnits;
            fresh.refilledAtNanos = now;
            return fresh;
        });
        bucket.units = refilled(bucket, now);
        bucket.refilledAtNanos = now;

        if (bucket.units < refillPeriodNanos) {
            return Decision.reject(timeToRefill(refillPeriodNanos - bucket.units), timeToRefill(fullUnits - bucket.units));
        }
        bucket.units -= refillPeriodNanos;
        long remaining = bucket.units / refillPeriodNanos;
        return Decision.allow(remaining, timeToRefill(refillPeriodNanos - bucket.units), timeToRefill(fullUnits - bucket.units));
    }

    /**
     * Lazy refill: the bucket's units at {@code now}, what the elapsed time is worth added, but never more
     * than the bucket holds. (Capping the elapsed time first keeps the multiplication from overflowing
     * after long idle periods.)
     */
    private long refilled(Bucket bucket, long now) {
        long elapsed = Math.min(now - bucket.refilledAtNanos, fillNanos + 1);
        return Math.min(fullUnits, bucket.units + elapsed * refillTokens);
    }

    /** How long the refill takes to bring {@code missingUnits}, rounded up to the next nanosecond. */
    private Duration timeToRefill(long missingUnits) {
        return Duration.ofNanos(Math.max(0, (missingUnits + refillTokens - 1) / refillTokens));
    }

    @Override
    public synchronized int clientsTracked() {
        return buckets.size();
    }
}
