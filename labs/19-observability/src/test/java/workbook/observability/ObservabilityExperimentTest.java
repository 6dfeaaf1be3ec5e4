package workbook.observability;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The experiment: (1) the waterfall of one slow request through the three services, with 300 ms of
 * latency on inventory's database link; (2) when the starter's one-minute rule and your
 * ErrorRateAlert page on the same seeded error stream (a 30 s blip, 2 minutes at 5%, a 15-minute
 * outage). Writes CSV and SVG files under target/experiment/. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class ObservabilityExperimentTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    void waterfallOfOneSlowRequest() throws Exception {
        Shop.createSchema(db.dataSource());
        Toxi.Proxied link = toxi.postgres(db);
        SpanCollector collector = new SpanCollector();
        try (Shop shop = Shop.start(db.newPool(db.jdbcUrl(link), cfg -> cfg.setMaximumPoolSize(2)), IdSource.seeded(19), collector)) {
            shop.checkout("sku-1", null);
            link.toxics().latency("slow-inventory-db", ToxicDirection.DOWNSTREAM, 300);
            shop.checkout("sku-3", Task1TraceContextTest.EXAMPLE);
        }
        List<Span> trace = collector.trace("4bf92f3577b34da6a3ce929d0e0e4736").stream()
                .sorted(Comparator.comparingLong(Span::startNanos)).toList();
        long t0 = trace.get(0).startNanos();
        Map<String, Long> self = TraceAnalysis.selfTimes(trace);
        List<Span> critical = TraceAnalysis.criticalPath(trace);
        Csv csv = new Csv("span", "service", "start_ms", "end_ms", "self_ms", "on_critical_path");
        LineChart chart = new LineChart("One slow checkout, span by span (300 ms of latency on inventory's database link)",
                "milliseconds since the request reached the gateway", "span (top: the gateway)");
        int row = trace.size();
        for (Span span : trace) {
            double from = (span.startNanos() - t0) / 1e6;
            double to = (span.endNanos() - t0) / 1e6;
            double selfMs = self.get(span.spanId()) / 1e6;
            csv.row(span.name(), span.service(), round(from), round(to), round(selfMs), critical.contains(span));
            chart.series(span.service() + " " + span.name() + String.format(" (self %.0f ms)", selfMs),
                    new double[]{from, to}, new double[]{row, row});
            row--;
        }
        chart.yMax(trace.size() + 1);
        csv.write(Experiment.output("19-observability-waterfall.csv"));
        chart.write(Experiment.output("19-observability-waterfall.svg"));
        System.out.printf("[experiment] slowest by self time: %s; critical path: %s%n",
                TraceAnalysis.slowestBySelfTime(trace), critical.stream().map(Span::name).toList());
    }

    @Test
    void alertFiringTimesOnOneErrorStream() throws Exception {
        RequestStream stream = Task4SloAlertTest.quiet(1).with(Task4SloAlertTest.BLIP).with(Task4SloAlertTest.SHORT_SPIKE)
                .with(Task4SloAlertTest.OUTAGE);
        AlertReplay.Result naive = AlertReplay.run(new OneMinuteErrorRate(), stream, Task4SloAlertTest.EVERY);
        AlertReplay.Result slo = AlertReplay.run(new ErrorRateAlert(Task4SloAlertTest.SLO), stream, Task4SloAlertTest.EVERY);
        Csv csv = new Csv("minute", "error_rate", "one_minute_rule_firing", "error_rate_alert_firing");
        double[] minutes = new double[naive.evaluations().size()];
        double[] naiveState = new double[minutes.length];
        double[] sloState = new double[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = Duration.between(stream.start(), naive.evaluations().get(i)).toSeconds() / 60.0;
            naiveState[i] = naive.firing().get(i) ? 2 : 0;
            sloState[i] = slo.firing().get(i) ? 1 : 0;
            if (minutes[i] >= 360) {
                csv.row(round(minutes[i]), stream.errorRateAt(naive.evaluations().get(i)), naive.firing().get(i), slo.firing().get(i));
            }
        }
        int from = 360 * 6; // plot from hour 6: the first six hours only fill the windows
        LineChart chart = new LineChart("Who pages: a 30 s blip (400 min), 2 min at 5% (440 min), a 15-minute outage (480 min)",
                "minutes since the stream started", "firing (one-minute rule: 2, burn-rate alert: 1)")
                .steps().yMax(2.5)
                .series("errors > 1% over 1 minute", slice(minutes, from), slice(naiveState, from))
                .series("multi-window burn rate (SLO 99.9%)", slice(minutes, from), slice(sloState, from));
        csv.write(Experiment.output("19-observability-alerts.csv"));
        chart.write(Experiment.output("19-observability-alerts.svg"));
        for (var result : List.of(Map.entry("one-minute rule", naive), Map.entry("ErrorRateAlert", slo))) {
            System.out.printf("[experiment] %-16s pages %d, false %d, outage detected after %s, page ended %s after it%n",
                    result.getKey(), result.getValue().pages().size(), result.getValue().falseAlerts(),
                    result.getValue().detectionDelay(Task4SloAlertTest.OUTAGE), result.getValue().resetDelay(Task4SloAlertTest.OUTAGE));
        }
    }

    private static double[] slice(double[] values, int from) {
        return java.util.Arrays.copyOfRange(values, from, values.length);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
