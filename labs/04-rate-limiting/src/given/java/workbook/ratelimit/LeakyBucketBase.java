package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * The given part of {@link LeakyBucket}: its size and pace, checked once. {@link LeakyBucket} writes
 * only {@link LeakyBucket#offer(String)}.
 */
public abstract class LeakyBucketBase {
    /** How many requests of one client may wait in the bucket at once. */
    protected final int capacity;
    /** One request leaves the bucket every {@code leakInterval}. */
    protected final Duration leakInterval;
    protected final Clock clock;

    protected LeakyBucketBase(int capacity, Duration leakInterval, Clock clock) {
        if (capacity < 1 || leakInterval.isNegative() || leakInterval.isZero()) {
            throw new IllegalArgumentException("a leaky bucket needs capacity >= 1 and a positive leak interval, got "
                    + capacity + " and " + leakInterval);
        }
        this.capacity = capacity;
        this.leakInterval = leakInterval;
        this.clock = clock;
    }
}
