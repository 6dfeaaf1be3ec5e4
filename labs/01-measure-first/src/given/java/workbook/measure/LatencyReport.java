package workbook.measure;

import java.util.Locale;

/**
 * What a load test reports: how many requests, their mean, the percentiles a dashboard shows (p50,
 * p90, p99, p99.9) and the slowest one. Every latency is in microseconds.
 */
public record LatencyReport(long count, double mean, long p50, long p90, long p99, long p999, long max) {

    @Override
    public String toString() {
        return "count " + count + ", mean " + readable(mean) + ", p50 " + readable(p50) + ", p90 " + readable(p90)
                + ", p99 " + readable(p99) + ", p99.9 " + readable(p999) + ", max " + readable(max);
    }

    /** A latency in microseconds, written in the unit a person reads: 850 µs, 40.0 ms, 30.0 s. */
    public static String readable(double micros) {
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
    }
}
