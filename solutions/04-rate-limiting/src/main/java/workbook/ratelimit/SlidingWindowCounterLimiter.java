package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding window counter (Task 2): two counters per client, the current fixed window's and the
 * previous one's. The previous count is weighted by how much of the previous window still lies inside
 * the last {@code window}, assuming its requests were spread evenly:
 * <pre>
 * estimate = previous * (window - elapsed) / window + current
 * </pre>
 * A request is allowed while the estimate, counting it, stays within the quota. Almost the accuracy of
 * the log, with the memory of the fixed window.
 */
public final class SlidingWindowCounterLimiter implements RateLimiter, TracksClients {
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Counters> counters = new HashMap<>();
    /** The window in which idle clients were last forgotten: one sweep per window is enough. */
    private long sweptWindow = Long.MIN_VALUE;

    private static final class Counters {
        long window;
        long previous;
        long current;
    }

    public SlidingWindowCounterLimiter(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public synchronized Decision tryAcquire(String clientKey) {
        long now = clock.millis();
        long windowMillis = policy.windowMillis();
        long window = Math.floorDiv(now, windowMillis);
        long elapsed = now - window * windowMillis;
        if (window != sweptWindow) {
            // Counts two windows old weigh nothing: such a client is the same as a new one.
            this.counters.values().removeIf(old -> old.window < window - 1);
            sweptWindow = window;
        }

        Counters counters = this.counters.computeIfAbsent(clientKey, key -> new Counters());
        if (counters.window != window) {
            // Slide: the current window becomes the previous one, unless it is more than a window old.
            counters.previous = counters.window == window - 1 ? counters.current : 0;
            counters.current = 0;
            counters.window = window;
        }
        // Everything is multiplied by windowMillis so that the weighting stays in whole numbers:
        // previous * (window - elapsed) / window + current + 1 <= quota, without a division.
        long weightedPrevious = counters.previous * (windowMillis - elapsed);
        long scaledQuota = policy.quota() * windowMillis;
        boolean fits = weightedPrevious + (counters.current + 1) * windowMillis <= scaledQuota;
        if (fits) {
            counters.current++;
        }
        // Everything counted so far is forgotten once the window that holds it has slid past.
        Duration reset = Duration.ofMillis((counters.current > 0 ? 2 : 1) * windowMillis - elapsed);
        if (!fits) {
            return Decision.reject(untilOneMoreFits(counters, elapsed), reset);
        }
        long remaining = (scaledQuota - weightedPrevious) / windowMillis - counters.current;
        return Decision.allow(remaining, untilOneMoreFits(counters, elapsed), reset);
    }

    /**
     * How long until the estimate leaves room for one more request. Within this window the previous
     * count fades linearly; if that is not enough, the current count becomes the fading one next window.
     */
    private Duration untilOneMoreFits(Counters counters, long elapsed) {
        long windowMillis = policy.windowMillis();
        long room = policy.quota() - counters.current - 1; // room the previous window's weight must shrink to
        if (room >= 0) {
            if (counters.previous == 0) {
                return Duration.ZERO;
            }
            // previous * (window - t) <= room * window  =>  t >= window - room * window / previous
            long fitsAt = windowMillis - Math.floorDiv(room * windowMillis, counters.previous);
            return Duration.ofMillis(Math.max(0, fitsAt - elapsed));
        }
        // Next window: current becomes previous, nothing counted yet: current * (window - t) <= (quota - 1) * window.
        long fitsAt = windowMillis - Math.floorDiv((policy.quota() - 1) * windowMillis, counters.current);
        return Duration.ofMillis(windowMillis - elapsed + fitsAt);
    }

    @Override
    public synchronized int clientsTracked() {
        return counters.size();
    }
}
