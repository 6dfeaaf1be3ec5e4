package workbook.ratelimit;

import java.time.Clock;

/**
 * Fixed window counter (Task 1): time is cut into windows of {@code policy.window()} aligned on the
 * clock (12:00:00, 12:01:00, ...), and each client may make {@code quota} requests per window.
 * {@link Decision#retryAfter()} and {@link Decision#resetAfter()} are the time left in the current window.
 */
public final class FixedWindowLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;

    public FixedWindowLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        throw new UnsupportedOperationException(
                "Task 1: count each client's requests in clock-aligned windows (window number = now / window length)");
    }

    @Override
    public int clientsTracked() {
        throw new UnsupportedOperationException(
                "Task 1: say how many clients you hold state for, and forget those whose state is what a new client's would be");
    }
}
