package workbook.measure;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.function.ToDoubleFunction;

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
        throw new UnsupportedOperationException("Task 1: read the count, mean, p50, p90, p99, p99.9 and max from the histogram");
    }

    /**
     * One report for a whole fleet, from each server's histogram. The histograms passed in are left as
     * they are.
     */
    public static LatencyReport combine(List<Histogram> perServer) {
        // Each server already has a report: average them, weighting every server the same.
        List<LatencyReport> reports = perServer.stream().map(Latencies::report).toList();
        long count = reports.stream().mapToLong(LatencyReport::count).sum();
        return new LatencyReport(count, average(reports, LatencyReport::mean),
                (long) average(reports, LatencyReport::p50), (long) average(reports, LatencyReport::p90),
                (long) average(reports, LatencyReport::p99), (long) average(reports, LatencyReport::p999),
                (long) average(reports, LatencyReport::max));
    }

    private static double average(List<LatencyReport> reports, ToDoubleFunction<LatencyReport> field) {
        return reports.stream().mapToDouble(field).average().orElse(0);
    }
}
