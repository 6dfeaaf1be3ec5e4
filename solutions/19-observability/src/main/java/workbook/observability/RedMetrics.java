package workbook.observability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * RED metrics per endpoint (Rate, Errors, Duration), exposed in the Prometheus text format
 * (version 0.0.4): two counters and a histogram, each series labelled with its endpoint.
 */
public final class RedMetrics {
    /** Upper bounds of the duration buckets, in seconds (the +Inf bucket comes on top). */
    public static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final class Endpoint {
        long requests;
        long errors;
        final long[] inBucket = new long[BUCKETS.length]; // not cumulative: requests whose duration fell in bucket i only
        long durationNanos;
    }

    private final Map<String, Endpoint> endpoints = new TreeMap<>();

    /** One request answered; a status of 500 or more counts as an error (a 4xx is the caller's). */
    public synchronized void record(String endpoint, int status, Duration duration) {
        Endpoint e = endpoints.computeIfAbsent(endpoint, name -> new Endpoint());
        e.requests++;
        if (status >= 500) {
            e.errors++;
        }
        double seconds = duration.toNanos() / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) { // le means "less than or equal"
                e.inBucket[i]++;
                break;
            }
        }
        e.durationNanos += duration.toNanos();
    }

    /** Every endpoint's metrics as a Prometheus scrape body. */
    public synchronized String scrape() {
        StringBuilder out = new StringBuilder();
        family(out, "http_requests_total", "counter", "Requests answered, by endpoint.");
        endpoints.forEach((name, e) -> sample(out, "http_requests_total", name, null, e.requests));
        family(out, "http_request_errors_total", "counter", "Requests answered with a 5xx status, by endpoint.");
        // Every endpoint gets an error series, 0 included: a missing series is not a zero in a ratio.
        endpoints.forEach((name, e) -> sample(out, "http_request_errors_total", name, null, e.errors));
        family(out, "http_request_duration_seconds", "histogram", "Time to answer, by endpoint.");
        endpoints.forEach((name, e) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += e.inBucket[i];
                sample(out, "http_request_duration_seconds_bucket", name, number(BUCKETS[i]), cumulative);
            }
            sample(out, "http_request_duration_seconds_bucket", name, "+Inf", e.requests);
            out.append("http_request_duration_seconds_sum{endpoint=\"").append(escape(name)).append("\"} ")
                    .append(number(e.durationNanos / 1e9)).append('\n');
            sample(out, "http_request_duration_seconds_count", name, null, e.requests);
        });
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String metric, String endpoint, String le, long value) {
        out.append(metric).append("{endpoint=\"").append(escape(endpoint)).append('"');
        if (le != null) {
            out.append(",le=\"").append(le).append('"');
        }
        out.append("} ").append(value).append('\n');
    }

    /** Label values escape backslash, double quote and line feed, as the text format requires. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
