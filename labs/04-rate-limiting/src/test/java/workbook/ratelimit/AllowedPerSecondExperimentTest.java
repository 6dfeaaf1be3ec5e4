package workbook.ratelimit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.MutableClock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * One bursty client, three limiters, the same limit of 100 requests per minute. Writes how many
 * requests each allowed, second by second, as a CSV and an SVG chart under target/experiment/.
 * Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class AllowedPerSecondExperimentTest {
    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);
    private static final int SECONDS = 180;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void burstyTraceThroughThreeLimiters() throws Exception {
        int[] requested = trace();
        Map<String, Function<MutableClock, RateLimiter>> limiters = new LinkedHashMap<>();
        limiters.put("fixed window", clock -> new FixedWindowLimiter(HUNDRED_PER_MINUTE, clock));
        limiters.put("sliding window counter", clock -> new SlidingWindowCounterLimiter(HUNDRED_PER_MINUTE, clock));
        limiters.put("token bucket (capacity 100)", clock -> TokenBucketLimiter.forPolicy(HUNDRED_PER_MINUTE, clock));

        Map<String, int[]> allowed = new LinkedHashMap<>();
        limiters.forEach((name, factory) -> allowed.put(name, replay(requested, factory)));

        Csv csv = new Csv("second", "requested", "fixed_window", "sliding_window_counter", "token_bucket");
        for (int second = 0; second < SECONDS; second++) {
            List<Object> row = new ArrayList<>(List.of(second, requested[second]));
            int at = second;
            allowed.values().forEach(perSecond -> row.add(perSecond[at]));
            csv.row(row.toArray());
        }
        // The limit is per minute, so the chart shows the quantity it bounds: what each limiter let
        // through in the 60 s up to each second. A per-second axis against "100 per minute" would mislead.
        LineChart chart = new LineChart("One bursty client, limit 100 requests per minute",
                "time (s)", "requests allowed in the previous 60 s");
        double[] xs = new double[SECONDS];
        for (int second = 0; second < SECONDS; second++) {
            xs[second] = second;
        }
        allowed.forEach((name, perSecond) -> chart.series(name, xs, inPrevious60Seconds(perSecond)));
        chart.reference("limit: 100 requests per 60 s", 100);

        Path csvFile = Experiment.output("04-rate-limiting-allowed-per-second.csv");
        Path svgFile = Experiment.output("04-rate-limiting-allowed-per-second.svg");
        csv.write(csvFile);
        chart.write(svgFile);

        System.out.printf("[experiment] %d requests from one client over %d s, limit 100 per minute%n", sum(requested), SECONDS);
        allowed.forEach((name, perSecond) -> System.out.printf(
                "[experiment] %-28s allowed %4d in total, at most %3d in any 2 s, at most %3d in any 60 s%n",
                name, sum(perSecond), maxInAnySpan(perSecond, 2), maxInAnySpan(perSecond, 60)));
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    static double[] inPrevious60Seconds(int[] perSecond) {
        double[] sums = new double[perSecond.length];
        int sum = 0;
        for (int second = 0; second < perSecond.length; second++) {
            sum += perSecond[second] - (second >= 60 ? perSecond[second - 60] : 0);
            sums[second] = sum;
        }
        return sums;
    }

    /**
     * Quiet for most of the first minute, then 100 requests a second for three seconds across the
     * 00:01:00 edge, then a steady 2 a second (a little over the refill rate of 1.67), then a quieter
     * minute with small random bursts. Seeded, so every run draws the same chart.
     */
    static int[] trace() {
        Random random = new Random(4);
        int[] requested = new int[SECONDS];
        for (int second = 0; second < SECONDS; second++) {
            if (second >= 59 && second <= 61) {
                requested[second] = 100;
            } else if (second > 61 && second < 120) {
                requested[second] = 2;
            } else if (second >= 120) {
                requested[second] = random.nextInt(10) == 0 ? 20 + random.nextInt(30) : random.nextInt(2);
            }
        }
        return requested;
    }

    /** Sends each second's requests evenly spread over that second; returns how many were allowed per second. */
    static int[] replay(int[] requested, Function<MutableClock, RateLimiter> factory) {
        MutableClock clock = MutableClock.at(START);
        RateLimiter limiter = factory.apply(clock);
        int[] allowed = new int[requested.length];
        for (int second = 0; second < requested.length; second++) {
            for (int i = 0; i < requested[second]; i++) {
                clock.set(START.plusMillis(second * 1000L + i * 1000L / requested[second]));
                allowed[second] += limiter.tryAcquire("client-1").allowed() ? 1 : 0;
            }
        }
        return allowed;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    static int maxInAnySpan(int[] perSecond, int seconds) {
        int max = 0;
        for (int start = 0; start + seconds <= perSecond.length; start++) {
            int total = 0;
            for (int i = start; i < start + seconds; i++) {
                total += perSecond[i];
            }
            max = Math.max(max, total);
        }
        return max;
    }
}
