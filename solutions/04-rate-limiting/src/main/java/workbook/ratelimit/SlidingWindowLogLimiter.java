package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding window log (Task 2): remembers the time of every allowed request, and allows a new one only
 * if fewer than {@code quota} were allowed in the last {@code window}. Exact (no window edge to aim
 * at), at the price of one timestamp per allowed request per client.
 */
public final class SlidingWindowLogLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Deque<Long>> logs = new HashMap<>();
    /** The clock-aligned window in which idle clients were last forgotten: one sweep per window is enough. */
    private long sweptWindow = Long.MIN_VALUE;

    public SlidingWindowLogLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public synchronized Decision tryAcquire(String clientKey) {
        long now = clock.millis();
        long windowMillis = policy.windowMillis();
        long window = Math.floorDiv(now, windowMillis);
        if (window != sweptWindow) {
            // A client whose newest request has left the window is the same as a new one.
            logs.values().removeIf(old -> old.isEmpty() || old.peekLast() <= now - windowMillis);
            sweptWindow = window;
        }
        Deque<Long> log = logs.computeIfAbsent(clientKey, key -> new ArrayDeque<>());
        // An entry counts while it is less than one window old.
        while (!log.isEmpty() && log.peekFirst() <= now - windowMillis) {
            log.pollFirst();
        }
        if (log.size() >= policy.quota()) {
            // Refused requests are not logged: a client that keeps knocking is let in again as soon as
            // its oldest allowed request leaves the window.
            return Decision.reject(untilLeaves(log.peekFirst(), now), untilLeaves(log.peekLast(), now));
        }
        log.addLast(now);
        return Decision.allow(policy.quota() - log.size(), untilLeaves(log.peekFirst(), now), untilLeaves(now, now));
    }

    /** How long until the request logged at {@code loggedAt} stops counting. */
    private Duration untilLeaves(long loggedAt, long now) {
        return Duration.ofMillis(loggedAt + policy.windowMillis() - now);
    }

    @Override
    public synchronized int clientsTracked() {
        return logs.size();
    }
}
