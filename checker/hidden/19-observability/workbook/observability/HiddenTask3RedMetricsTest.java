package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: label values that need escaping, several endpoints, the 5xx boundary. */
@Task(3)
class HiddenTask3RedMetricsTest {
    private final RedMetrics metrics = new RedMetrics();

    @Test
    void labelValuesAreEscaped() throws Exception {
        String odd = "/search?q=\"shoes\"\\sale";
        metrics.record(odd, 200, Duration.ofMillis(7));
        metrics.record(odd, 500, Duration.ofMillis(70));
        Scrape scrape = Scrape.parse(metrics.scrape());
        assertThat(scrape.counter("http_requests_total", odd)).as("requests of an endpoint with quotes and a backslash").isEqualTo(2);
        assertThat(scrape.counter("http_request_errors_total", odd)).as("its errors").isEqualTo(1);
        assertThat(scrape.bucket(odd, 0.01)).as("its requests of 10 ms or less").isEqualTo(1);
    }

    @Test
    void endpointsAreKeptApartAndTheBoundariesAreExact() throws Exception {
        metrics.record("/a", 499, Duration.ofMillis(5));
        metrics.record("/a", 500, Duration.ofMillis(5));
        metrics.record("/b", 599, Duration.ofSeconds(10));
        metrics.record("/b", 200, Duration.ofMillis(10_001));
        Scrape scrape = Scrape.parse(metrics.scrape());
        assertThat(scrape.counter("http_request_errors_total", "/a")).as("errors of /a answered 499 and 500").isEqualTo(1);
        assertThat(scrape.counter("http_request_errors_total", "/b")).as("errors of /b answered 599 and 200").isEqualTo(1);
        assertThat(scrape.bucket("/a", 0.005)).as("requests of /a of 5 ms or less").isEqualTo(2);
        assertThat(scrape.bucket("/b", 5)).as("requests of /b of 5 s or less").isZero();
        assertThat(scrape.bucket("/b", 10)).as("requests of /b of 10 s or less").isEqualTo(1);
        assertThat(scrape.bucket("/b", Double.POSITIVE_INFINITY)).as("all requests of /b").isEqualTo(2);
        assertThat(scrape.histogram("/a").getSampleSum()).as("_sum of /a").isEqualTo(0.01);
        assertThat(scrape.histogram("/b").getBuckets()).as("buckets of /b, +Inf included").hasSize(RedMetrics.BUCKETS.length + 1);
    }
}
