package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed window counter (Task 1): time is cut into windows of {@code policy.window()} aligned on the
 * clock (12:00:00, 12:01:00, ...), and each client may make {@code quota} requests per window. One
 * counter per client: cheap, and wrong at the window edge, where a client can spend a whole quota at
 * the end of one window and another one at the start of the next.
 */
public final class FixedWindowLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();
    /** The window in which idle clients were last forgotten: one sweep per window is enough. */
    private long sweptWindow = Long.MIN_VALUE;

    /** The window a client is counting in (its number since the epoch) and the requests allowed in it. */
    private static final class Window {
        final long number;
        int count;

        Window(long number) {
            this.number = number;
        }
    }

    public FixedWindowLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public synchronized Decision tryAcquire(String clientKey) {
        long now = clock.millis();
        long windowMillis = policy.windowMillis();
        long current = Math.floorDiv(now, windowMillis);
        Duration untilWindowEnds = Duration.ofMillis((current + 1) * windowMillis - now);

        if (current != sweptWindow) {
            // The first request of a new window forgets every count of an earlier one: such a client is
            // the same as a new one, so its entry would only cost memory.
            windows.values().removeIf(old -> old.number != current);
            sweptWindow = current;
        }
        Window window = windows.computeIfAbsent(clientKey, key -> new Window(current));
        if (window.count >= policy.quota()) {
            return Decision.reject(untilWindowEnds, untilWindowEnds);
        }
        window.count++;
        return Decision.allow(policy.quota() - window.count, untilWindowEnds, untilWindowEnds);
    }

    @Override
    public synchronized int clientsTracked() {
        return windows.size();
    }
}
