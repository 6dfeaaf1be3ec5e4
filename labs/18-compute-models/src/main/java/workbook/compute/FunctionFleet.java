package workbook.compute;

import java.time.Duration;
import java.time.Instant;

/**
 * Task 2: the instances of one function, simulated on a fake timeline. Each instance runs one
 * request at a time. A request that finds an idle warm instance runs at once; otherwise a new
 * instance starts (a cold start) and the request waits for it. An on-demand instance left idle for
 * {@code keepAlive} is reclaimed; provisioned instances exist from the start and are never reclaimed.
 * Requests must be given in the order they arrive.
 */
public final class FunctionFleet {

    public FunctionFleet(Duration keepAlive, int provisioned, ColdStarts coldStarts) {
    }

    /**
     * A request arriving at {@code at} that needs {@code work} once it runs; returns its latency.
     * Picks an idle provisioned instance first (it is paid for anyway), else the idle on-demand
     * instance that finished last, so that the others can expire.
     */
    public Duration invoke(Instant at, Duration work) {
        throw new UnsupportedOperationException("Task 2: find an idle warm instance, or start a new one (a cold start)");
    }

    /** Requests so far that had to wait for a new instance. */
    public int coldStarts() {
        throw new UnsupportedOperationException("Task 2: count the cold starts");
    }

    /** Instances alive now (provisioned, and on-demand ones not yet reclaimed at the last request). */
    public int instances() {
        throw new UnsupportedOperationException("Task 2: count the live instances");
    }
}
