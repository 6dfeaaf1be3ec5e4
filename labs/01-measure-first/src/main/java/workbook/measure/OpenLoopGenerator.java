package workbook.measure;

import org.HdrHistogram.Histogram;

/**
 * Task 2: a load generator that does not coordinate with the server it measures. Requests are due on
 * a fixed schedule, whatever the server does, and each latency is measured from the moment its
 * request was due: the time a user who clicked then would have waited.
 */
public final class OpenLoopGenerator {
    private final Ticker ticker;

    public OpenLoopGenerator(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * Sends {@code requests} requests, one after another, at {@code ratePerSecond}: request {@code i}
     * (from 0) is due {@code i / ratePerSecond} seconds after the run starts. A request is never sent
     * before it is due; a request that is late (because the previous answer came back after its due
     * time) is sent at once. Returns the latency of every request, in microseconds, measured from its
     * due time to its answer.
     *
     * @throws IllegalArgumentException when the rate or the number of requests is not positive
     */
    public Histogram run(Target target, double ratePerSecond, int requests) throws Exception {
        throw new UnsupportedOperationException("Task 2: send on a fixed schedule and measure each request from its due time");
    }
}
