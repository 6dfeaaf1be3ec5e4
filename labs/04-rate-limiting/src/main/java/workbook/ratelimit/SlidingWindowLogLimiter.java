package workbook.ratelimit;

import java.time.Clock;

/**
 * Sliding window log (Task 2): remembers the time of every allowed request, and allows a new one only
 * if fewer than {@code quota} were allowed in the last {@code window} (a request made exactly one
 * window ago no longer counts). Refused requests are not remembered.
 * {@link Decision#retryAfter()} is the time until the oldest remembered request stops counting;
 * {@link Decision#resetAfter()} the time until the newest one does.
 */
public final class SlidingWindowLogLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;

    public SlidingWindowLogLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        throw new UnsupportedOperationException(
                "Task 2: keep a log of allowed request times per client; drop those one window old, then count");
    }

    @Override
    public int clientsTracked() {
        throw new UnsupportedOperationException(
                "Task 2: say how many clients you hold state for, and forget those whose state is what a new client's would be");
    }
}
