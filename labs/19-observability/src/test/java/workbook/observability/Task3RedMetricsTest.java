package workbook.observability;

import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(3)
class Task3RedMetricsTest {
    private final RedMetrics metrics = new RedMetrics();

    @Test
    void ratesAndErrorsAreCountedPerEndpoint() throws Exception {
        metrics.record("/checkout", 200, Duration.ofMillis(40));
        metrics.record("/checkout", 503, Duration.ofMillis(900));
        metrics.record("/checkout", 404, Duration.ofMillis(3));
        metrics.record("/orders", 200, Duration.ofMillis(12));
        Scrape scrape = Scrape.parse(metrics.scrape());

        assertThat(scrape.families.get("http_requests_total").getType()).as("TYPE of http_requests_total").isEqualTo(MetricType.COUNTER);
        assertThat(scrape.counter("http_requests_total", "/checkout")).as("requests to /checkout").isEqualTo(3);
        assertThat(scrape.counter("http_requests_total", "/orders")).as("requests to /orders").isEqualTo(1);
        assertThat(scrape.counter("http_request_errors_total", "/checkout"))
                .as("errors of /checkout: the 503 counts, the 404 is the caller's mistake and does not").isEqualTo(1);
        assertThat(scrape.counter("http_request_errors_total", "/orders"))
                .as("errors of /orders, written as 0: an absent series makes the error ratio empty, not 0").isEqualTo(0);
    }

    @Test
    void durationsGoIntoCumulativeBuckets() throws Exception {
        metrics.record("/stock", 200, Duration.ofMillis(3));
        metrics.record("/stock", 200, Duration.ofMillis(40));
        metrics.record("/stock", 200, Duration.ofMillis(100));   // exactly on a bound: le means "less than or equal"
        metrics.record("/stock", 200, Duration.ofMillis(2_000));
        metrics.record("/stock", 200, Duration.ofSeconds(30));
        Scrape scrape = Scrape.parse(metrics.scrape());

        assertThat(scrape.families.get("http_request_duration_seconds").getType()).as("TYPE of http_request_duration_seconds").isEqualTo(MetricType.HISTOGRAM);
        assertThat(scrape.bucket("/stock", 0.005)).as("requests of /stock that took 5 ms or less").isEqualTo(1);
        assertThat(scrape.bucket("/stock", 0.05)).as("requests that took 50 ms or less (buckets are cumulative)").isEqualTo(2);
        assertThat(scrape.bucket("/stock", 0.1)).as("requests that took 100 ms or less, one of them exactly 100 ms").isEqualTo(3);
        assertThat(scrape.bucket("/stock", 2.5)).as("requests that took 2.5 s or less").isEqualTo(4);
        assertThat(scrape.bucket("/stock", Double.POSITIVE_INFINITY)).as("the +Inf bucket: every request").isEqualTo(5);
        assertThat(scrape.histogram("/stock").getSampleCount()).as("_count of /stock").isEqualTo(5);
        assertThat(scrape.histogram("/stock").getSampleSum()).as("_sum of /stock, in seconds").isCloseTo(32.143, within(1e-9));
    }
}
