package workbook.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Micrometer's Prometheus registry, the production library for Task 3, fed the requests of the lab's
 * histogram test and read back by the same parser: the same counts per bucket, the same sum.
 */
@Task(3)
class MicrometerPrometheusContractTest {
    @Test
    void micrometerWritesTheSameRedMetrics() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Duration[] bounds = Arrays.stream(RedMetrics.BUCKETS).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
        Timer stock = Timer.builder("http_request_duration").tag("endpoint", "/stock").serviceLevelObjectives(bounds).register(registry);
        Counter errors = Counter.builder("http_request_errors").tag("endpoint", "/stock").register(registry);
        RedMetrics lab = new RedMetrics();
        int[] statuses = {200, 200, 503, 200, 500};
        long[] millis = {3, 40, 100, 2_000, 30_000};
        for (int i = 0; i < millis.length; i++) {
            stock.record(Duration.ofMillis(millis[i]));
            if (statuses[i] >= 500) {
                errors.increment();
            }
            lab.record("/stock", statuses[i], Duration.ofMillis(millis[i]));
        }
        Scrape theirs = Scrape.parse(registry.scrape());
        Scrape ours = Scrape.parse(lab.scrape());
        for (double le : new double[]{0.005, 0.05, 0.1, 2.5, 10, Double.POSITIVE_INFINITY}) {
            assertThat(theirs.bucket("/stock", le)).as("Micrometer's bucket le=%s", le).isEqualTo(ours.bucket("/stock", le));
        }
        assertThat(theirs.histogram("/stock").getSampleSum()).as("Micrometer's _sum").isCloseTo(ours.histogram("/stock").getSampleSum(), within(1e-9));
        assertThat(theirs.counter("http_request_errors_total", "/stock")).as("Micrometer's error counter")
                .isEqualTo(ours.counter("http_request_errors_total", "/stock"));
    }
}
