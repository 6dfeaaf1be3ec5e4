package workbook.httpcache;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn test -Pexperiment}: one hot endpoint (the product search) read 100 times a second for
 * 30 s of simulated time through a real edge, with s-maxage 0, 1, 10 and 60 s. Counts the requests
 * that reach the origin in each second. Writes target/experiment/06-http-caching-and-cdn-origin-load.csv
 * and .svg. On the starter the edge ignores the header, so every TTL looks the same.
 */
@Tag("experiment")
class OriginLoadExperimentTest {
    static final int RATE = 100;
    static final int SECONDS = 30;
    static final int[] TTLS = {0, 1, 10, 60};

    @Test
    void originRequestsPerSecondAgainstTtl() throws Exception {
        Csv csv = new Csv("ttl_s", "second", "origin_requests");
        Csv summary = new Csv("ttl_s", "client_requests", "origin_requests", "served_per_origin_request");
        // Cumulative, on a log scale: per second, three of the four lines would lie on top of each other near 0.
        LineChart chart = new LineChart("Origin requests so far, hot endpoint at 100 requests/s (log scale)",
                "time (s)", "origin requests since the start").logY();
        for (int ttl : TTLS) {
            MutableClock clock = MutableClock.startingAtEpochMinute();
            String header = "public, s-maxage=" + ttl;
            List<Integer> seconds = new ArrayList<>();
            List<Long> soFar = new ArrayList<>();
            try (Origin origin = Origin.start(clock, content -> content == Content.SEARCH ? header : null);
                 Edge edge = Edge.start("edge", origin.uri(), clock)) {
                for (int second = 0; second < SECONDS; second++) {
                    long before = origin.fetches();
                    for (int i = 0; i < RATE; i++) {
                        Http.get(edge.uri(), "/search?q=boots");
                        clock.advance(Duration.ofMillis(1000 / RATE));
                    }
                    long fetches = origin.fetches() - before;
                    seconds.add(second + 1);
                    soFar.add(origin.fetches());
                    csv.row(ttl, second + 1, fetches);
                }
                long total = origin.fetches();
                long requests = (long) RATE * SECONDS;
                summary.row(ttl, requests, total, String.format("%.1f", (double) requests / total));
                System.out.printf("s-maxage=%d: %d client requests, %d origin requests, %.1f served per origin request%n",
                        ttl, requests, total, (double) requests / total);
            }
            chart.series("s-maxage=" + ttl, seconds, soFar);
        }
        csv.write(Experiment.output("06-http-caching-and-cdn-origin-load.csv"));
        summary.write(Experiment.output("06-http-caching-and-cdn-origin-load-summary.csv"));
        chart.write(Experiment.output("06-http-caching-and-cdn-origin-load.svg"));
    }
}
