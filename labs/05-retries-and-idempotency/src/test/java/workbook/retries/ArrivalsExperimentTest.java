package workbook.retries;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * 50 clients, one call per second each, against a server that takes 100 requests per second and is
 * down from 1 s to 2.5 s. Four ways of retrying, the same workload: what arrives at the server per
 * 100 ms. Writes a CSV and an SVG chart under target/experiment/. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class ArrivalsExperimentTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final RetrySettings SETTINGS = new RetrySettings(6, Duration.ofMillis(100), Duration.ofSeconds(2));
    private static final int WINDOWS = 60;                      // 6 s in windows of 100 ms
    private static final RetryStorm.Workload WORKLOAD = new RetryStorm.Workload(50, 4, Duration.ofSeconds(1), true);

    @Test
    void fourWaysOfRetryingThroughAnOutage() throws Exception {
        Map<String, int[]> arrivals = new LinkedHashMap<>();
        Map<String, RetryStorm.Result> results = new LinkedHashMap<>();
        run("immediate retries", client -> new RetryPolicy(SETTINGS, Always.LOWEST), client -> Optional.empty(), arrivals, results);
        run("backoff, no jitter", client -> new RetryPolicy(SETTINGS, Always.HIGHEST), client -> Optional.empty(), arrivals, results);
        run("backoff, full jitter", client -> new RetryPolicy(SETTINGS, new Random(1000 + client)), client -> Optional.empty(), arrivals, results);
        run("full jitter + 10% budget", client -> new RetryPolicy(SETTINGS, new Random(1000 + client)),
                client -> Optional.of(new RetryBudget(10, 1)), arrivals, results);

        List<String> header = new ArrayList<>(List.of("ms"));
        arrivals.keySet().forEach(name -> header.add(name.replaceAll("[^a-z0-9]+", "_")));
        Csv csv = new Csv(header.toArray(String[]::new));
        double[] xs = new double[WINDOWS];
        for (int window = 0; window < WINDOWS; window++) {
            xs[window] = window * 100;
            List<Object> row = new ArrayList<>(List.of(window * 100));
            int at = window;
            arrivals.values().forEach(counts -> row.add(counts[at]));
            csv.row(row.toArray());
        }
        LineChart chart = new LineChart("Requests reaching the server; it is down from 1 s to 2.5 s",
                "time (ms)", "requests per 100 ms").steps();
        arrivals.forEach((name, counts) -> chart.series(name, xs, java.util.Arrays.stream(counts).asDoubleStream().toArray()));
        chart.reference("capacity: 10 per 100 ms", 10);

        Path csvFile = Experiment.output("05-retries-and-idempotency-arrivals.csv");
        Path svgFile = Experiment.output("05-retries-and-idempotency-arrivals.svg");
        csv.write(csvFile);
        chart.write(svgFile);
        results.forEach((name, result) -> System.out.printf(
                "[experiment] %-26s %4d requests for %d calls (%.2fx), at most %3d in 100 ms, %3d calls failed%n",
                name, result.requestsSeen(), result.originalRequests(), result.amplification(),
                java.util.Arrays.stream(arrivals.get(name)).max().orElse(0), result.failedCalls()));
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    private static void run(String name, IntFunction<RetryPolicy> policies, IntFunction<Optional<RetryBudget>> budgets,
                            Map<String, int[]> arrivals, Map<String, RetryStorm.Result> results) throws Exception {
        MutableClock clock = MutableClock.at(START);
        try (LoadServer server = LoadServer.start(clock, 10, 10)) {
            server.outage(START.plusSeconds(1), START.plusMillis(2500));
            results.put(name, RetryStorm.run(server, clock, START, WORKLOAD, policies, budgets));
            arrivals.put(name, server.perWindow(START, Duration.ofMillis(100), WINDOWS));
        }
    }

    /** A "random" source that always gives the lowest (no wait) or the highest (the full ceiling) value. */
    private static final class Always extends Random {
        static final Always LOWEST = new Always(false);
        static final Always HIGHEST = new Always(true);
        private final boolean highest;

        private Always(boolean highest) {
            this.highest = highest;
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }

        @Override
        public int nextInt(int bound) {
            return highest ? bound - 1 : 0;
        }

        @Override
        public double nextDouble() {
            return highest ? Math.nextDown(1.0) : 0.0;
        }
    }
}
