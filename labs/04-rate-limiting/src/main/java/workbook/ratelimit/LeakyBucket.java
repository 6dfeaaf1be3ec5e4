package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leaky bucket as a queue (Task 3): requests wait in a bucket of {@code capacity} places, and leave it
 * one at a time, one every {@code leakInterval}, however fast they arrived. A request is in the bucket
 * until its departure time has passed; when the bucket is full, the request is refused.
 */
public final class LeakyBucket extends LeakyBucketBase {

    public LeakyBucket(int capacity, Duration leakInterval, Clock clock) {
        super(capacity, leakInterval, clock);
    }

    /**
     * Puts a request of {@code clientKey} in the bucket. Returns the instant it leaves the bucket (the
     * caller holds it until then; now, if the bucket was idle), or empty when the bucket is full.
     */
    public Optional<Instant> offer(String clientKey) {
        throw new UnsupportedOperationException(
                "Task 3: give each request a departure time one leak interval after the previous one (never before now); refuse when full");
    }
}
