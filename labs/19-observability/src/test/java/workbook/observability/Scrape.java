package workbook.observability;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scrape body read back by a parser of the Prometheus text format (Hawkular's), by family name. */
final class Scrape {
    final Map<String, MetricFamily> families = new LinkedHashMap<>();

    static Scrape parse(String body) throws IOException {
        Scrape scrape = new Scrape();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            scrape.families.put(family.getName(), family);
        }
        return scrape;
    }

    Metric metric(String family, String endpoint) {
        MetricFamily f = families.get(family);
        if (f == null) {
            throw new AssertionError("no metric family " + family + " in the scrape; families: " + families.keySet());
        }
        return f.getMetrics().stream().filter(m -> endpoint.equals(m.getLabels().get("endpoint"))).findFirst()
                .orElseThrow(() -> new AssertionError("no series of " + family + " with endpoint=\"" + endpoint + "\""));
    }

    double counter(String family, String endpoint) {
        return ((Counter) metric(family, endpoint)).getValue();
    }

    Histogram histogram(String endpoint) {
        return (Histogram) metric("http_request_duration_seconds", endpoint);
    }

    /** The cumulative count of the bucket whose upper bound is {@code le}. */
    long bucket(String endpoint, double le) {
        return histogram(endpoint).getBuckets().stream().filter(b -> b.getUpperBound() == le).findFirst()
                .orElseThrow(() -> new AssertionError("no bucket le=" + le + " for endpoint " + endpoint)).getCumulativeCount();
    }
}
