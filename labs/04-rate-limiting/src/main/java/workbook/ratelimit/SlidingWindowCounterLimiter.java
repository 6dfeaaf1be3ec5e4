package workbook.ratelimit;

import java.time.Clock;

/**
 * Sliding window counter (Task 2): two counters per client, the current clock-aligned window's and the
 * previous one's. The previous count is weighted by how much of the previous window still lies inside
 * the last {@code window}:
 * <pre>
 * estimate = previous * (window - elapsed) / window + current      (elapsed: time since this window began)
 * </pre>
 * A request is allowed if the estimate, counting this request, is at most the quota.
 * {@link Decision#retryAfter()} is the time until one more request would fit;
 * {@link Decision#resetAfter()} the time until every counted request has slid out of the estimate.
 */
public final class SlidingWindowCounterLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;

    public SlidingWindowCounterLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        throw new UnsupportedOperationException(
                "Task 2: keep this window's and the previous window's counts; weight the previous one by the part still inside the window");
    }

    @Override
    public int clientsTracked() {
        throw new UnsupportedOperationException(
                "Task 2: say how many clients you hold state for, and forget those whose state is what a new client's would be");
    }
}
