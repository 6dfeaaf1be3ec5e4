package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leaky bucket as a queue (Task 3): requests wait in a bucket of {@code capacity} places, and leave it
 * one at a time, one every {@code leakInterval}, however fast they arrived. What comes out is perfectly
 * even; a burst waits instead of passing, and when the bucket is full the request is refused. Put it
 * in front of something that cannot take spikes.
 */
public final class LeakyBucket extends LeakyBucketBase {
    private final Map<String, Queue> queues = new HashMap<>();

    /** One client's bucket: when each request still inside leaves, and when the last one left or leaves. */
    private static final class Queue {
        final Deque<Instant> leaving = new ArrayDeque<>();
        Instant lastLeaves;

        Queue(Instant lastLeaves) {
            this.lastLeaves = lastLeaves;
        }
    }

    public LeakyBucket(int capacity, Duration leakInterval, Clock clock) {
        super(capacity, leakInterval, clock);
    }

    /**
     * Puts a request of {@code clientKey} in the bucket. Returns the instant it leaves the bucket (the
     * caller holds it until then; now, if the bucket was idle), or empty when the bucket is full.
     */
    public synchronized Optional<Instant> offer(String clientKey) {
        Instant now = clock.instant();
        Queue queue = queues.computeIfAbsent(clientKey, key -> new Queue(now.minus(leakInterval)));
        // A request is in the bucket until its departure time has passed.
        while (!queue.leaving.isEmpty() && queue.leaving.peekFirst().isBefore(now)) {
            queue.leaving.pollFirst();
        }
        if (queue.leaving.size() >= capacity) {
            return Optional.empty();
        }
        // One leaves every leakInterval: one interval after the previous one, and never before now.
        // (Even when the bucket has just emptied, the previous departure still sets the pace.)
        Instant leaves = max(now, queue.lastLeaves.plus(leakInterval));
        queue.leaving.addLast(leaves);
        queue.lastLeaves = leaves;
        return Optional.of(leaves);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
