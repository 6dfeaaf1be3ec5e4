package workbook.observability;

import java.time.Duration;

/**
 * RED metrics per endpoint (Rate, Errors, Duration), exposed in the Prometheus text format
 * (version 0.0.4): two counters and a histogram, each series labelled with its endpoint.
 */
public final class RedMetrics {
    /** Upper bounds of the duration buckets, in seconds (the +Inf bucket comes on top). */
    public static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** One request answered; a status of 500 or more counts as an error (a 4xx is the caller's). */
    public synchronized void record(String endpoint, int status, Duration duration) {
        throw new UnsupportedOperationException("Task 3: count the request, its error and its duration per endpoint");
    }

    /** Every endpoint's metrics as a Prometheus scrape body. */
    public synchronized String scrape() {
        throw new UnsupportedOperationException("Task 3: write the metrics in the Prometheus text format");
    }
}
