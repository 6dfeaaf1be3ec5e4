package workbook.failing;

import java.time.Clock;

/**
 * A circuit breaker for one dependency. Closed: calls go through and their outcomes fill a sliding
 * window of the last {@code windowSize} calls; once it holds {@code minimumCalls} outcomes and the
 * failure rate reaches {@code failureRatePercent}, the breaker opens. Open: every call is refused at
 * once. After {@code cooldown} the first caller becomes the probe (half-open) and everyone else is still
 * refused; the probe's success closes the breaker with an empty window, its failure opens it again.
 * <p>
 * A caller asks {@link #tryAcquirePermission()} before calling, and reports the outcome with
 * {@link #onSuccess()} or {@link #onFailure()}.
 * <p>
 * As shipped, it is the breaker people write first: it opens after {@code minimumCalls} failures in a
 * row, and it never closes again.
 */
public final class CircuitBreaker {
    private final BreakerSettings settings;
    private final Clock clock;
    private int failuresInARow;
    private boolean open;

    public CircuitBreaker(BreakerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** True if the caller may call the dependency now; false means fail fast (use a fallback). */
    public synchronized boolean tryAcquirePermission() {
        return !open;
    }

    /** The call the caller was permitted succeeded. */
    public synchronized void onSuccess() {
        failuresInARow = 0;
    }

    /** The call the caller was permitted failed (timed out, refused, answered an error). */
    public synchronized void onFailure() {
        failuresInARow++;
        open = open || failuresInARow >= settings.minimumCalls();
    }

    public synchronized BreakerState state() {
        return open ? BreakerState.OPEN : BreakerState.CLOSED;
    }
}
