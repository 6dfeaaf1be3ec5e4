package workbook.failing;

import java.time.Clock;
import java.time.Instant;

/**
 * A circuit breaker for one dependency. Closed: calls go through and their outcomes fill a sliding
 * window of the last {@code windowSize} calls; once it holds {@code minimumCalls} outcomes and the
 * failure rate reaches {@code failureRatePercent}, the breaker opens. Open: every call is refused at
 * once. After {@code cooldown} the first caller becomes the probe (half-open) and everyone else is still
 * refused; the probe's success closes the breaker with an empty window, its failure opens it again.
 * <p>
 * A caller asks {@link #tryAcquirePermission()} before calling, and reports the outcome with
 * {@link #onSuccess()} or {@link #onFailure()}.
 */
public final class CircuitBreaker {
    private final BreakerSettings settings;
    private final Clock clock;
    private final boolean[] failed;    // the sliding window, a ring: true where that call failed
    private int recorded;              // outcomes in the window, up to windowSize
    private int next;                  // where the next outcome goes
    private int failures;              // failures in the window
    private BreakerState state = BreakerState.CLOSED;
    private Instant openedAt;

    public CircuitBreaker(BreakerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.failed = new boolean[settings.windowSize()];
    }

    /** True if the caller may call the dependency now; false means fail fast (use a fallback). */
    public synchronized boolean tryAcquirePermission() {
        return switch (state) {
            case CLOSED -> true;
            case HALF_OPEN -> false;    // the probe is out: nobody else until it reports
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(settings.cooldown()))) {
                    yield false;
                }
                // Checked and changed under one lock: of many callers arriving now, one is the probe.
                state = BreakerState.HALF_OPEN;
                yield true;
            }
        };
    }

    /** The call the caller was permitted succeeded. */
    public synchronized void onSuccess() {
        if (state == BreakerState.HALF_OPEN) {
            close();
        } else if (state == BreakerState.CLOSED) {
            record(false);
        }
    }

    /** The call the caller was permitted failed (timed out, refused, answered an error). */
    public synchronized void onFailure() {
        if (state == BreakerState.HALF_OPEN) {
            open();
        } else if (state == BreakerState.CLOSED) {
            record(true);
            if (recorded >= settings.minimumCalls() && failures * 100 >= settings.failureRatePercent() * recorded) {
                open();
            }
        }
    }

    public synchronized BreakerState state() {
        return state;
    }

    private void record(boolean failure) {
        if (recorded == failed.length) {
            failures -= failed[next] ? 1 : 0;    // the oldest outcome leaves the window
        } else {
            recorded++;
        }
        failed[next] = failure;
        failures += failure ? 1 : 0;
        next = (next + 1) % failed.length;
    }

    private void open() {
        state = BreakerState.OPEN;
        openedAt = clock.instant();    // the cooldown counts from the latest failure, not the first opening
    }

    private void close() {
        state = BreakerState.CLOSED;
        recorded = 0;
        next = 0;
        failures = 0;
    }
}
