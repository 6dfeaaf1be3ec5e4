package workbook.measure;

import org.HdrHistogram.Histogram;

import java.util.List;

/** Task 1: turn recorded latencies into a report, and combine the reports of several servers. */
public final class Latencies {
    private Latencies() {
    }

    /**
     * The report of one histogram of latencies in microseconds (made by {@link Histograms#create()}):
     * the count, the mean, p50, p90, p99, p99.9 and the maximum, as HdrHistogram computes them.
     *
     * @throws IllegalArgumentException when nothing was recorded: a report of no requests is a broken
     *                                  load test, not a fast server
     */
    public static LatencyReport report(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("no latencies recorded: the load test sent nothing, so there is nothing to report");
        }
        // HdrHistogram answers with the top of the bucket that holds the percentile: within 0.1% here.
        return new LatencyReport(histogram.getTotalCount(), histogram.getMean(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }

    /**
     * One report for a whole fleet, from each server's histogram. The histograms passed in are left as
     * they are.
     */
    public static LatencyReport combine(List<Histogram> perServer) {
        // Percentiles do not average: merge the counts, then read the percentiles of the whole.
        Histogram fleet = Histograms.create();
        perServer.forEach(fleet::add);
        return report(fleet);
    }
}
