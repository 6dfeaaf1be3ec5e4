package workbook.measure;

import java.time.Duration;

/**
 * Task 5: a load test that answers one question: does the p99 stay within its budget at this rate?
 * Time comes from {@code ticker}; the budget is for the p99 of the measured requests.
 */
public record SloCheck(Ticker ticker, Duration p99Budget) {
    /** With fewer requests, the p99 is simply the slowest one. */
    private static final int MINIMUM_SAMPLE = 100;

    /**
     * Sends {@code warmUpRequests} requests at {@code ratePerSecond} and forgets them (caches and the JIT
     * warm up), then {@code measuredRequests} more at the same rate on a fresh schedule, and judges the
     * p99 of those alone against the budget. The verdict states the sample size and how many warm-up
     * requests were excluded.
     *
     * @throws IllegalArgumentException when fewer than 100 requests are measured: a p99 needs at least 100
     */
    public SloVerdict check(Target target, double ratePerSecond, int warmUpRequests, int measuredRequests) throws Exception {
        if (measuredRequests < MINIMUM_SAMPLE) {
            throw new IllegalArgumentException("a p99 needs at least " + MINIMUM_SAMPLE + " measured requests; with "
                    + measuredRequests + " it is just the slowest one");
        }
        OpenLoopGenerator generator = new OpenLoopGenerator(ticker);
        if (warmUpRequests > 0) {
            generator.run(target, ratePerSecond, warmUpRequests); // results thrown away on purpose
        }
        LatencyReport measured = Latencies.report(generator.run(target, ratePerSecond, measuredRequests));
        long budget = Histograms.micros(p99Budget.toNanos());
        return new SloVerdict(measured.p99() <= budget, "p99", measured.p99(), budget, measured.count(), warmUpRequests);
    }
}
