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
        if (!(ratePerSecond > 0) || requests <= 0) {
            throw new IllegalArgumentException("a load test needs a positive rate and at least one request; got "
                    + ratePerSecond + " per second and " + requests + " requests");
        }
        Histogram latencies = Histograms.create();
        long start = ticker.nanoTime();
        for (int i = 0; i < requests; i++) {
            // From the start, not from the previous send: a stall must not push the schedule back.
            long due = start + Math.round(i * 1e9 / ratePerSecond);
            ticker.sleepUntil(due);
            target.call();
            latencies.recordValue(Histograms.micros(ticker.nanoTime() - due));
        }
        return latencies;
    }
}
