package workbook.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One server, one 2 s stall, two load generators: the closed loop (given) and the open loop (Task 2).
 * Writes each request's latency over time, and each generator's percentile spectrum, as CSV and SVG
 * under target/experiment/. Run it with {@code mvn test -Pexperiment} (it needs Task 2 done).
 */
@Tag("experiment")
class CoordinatedOmissionExperimentTest {
    private static final Duration STALL = Duration.ofSeconds(2);
    private static final int RATE = 50;
    private static final int REQUESTS = 400;
    private static final int STALL_AT = 150;

    @Test
    void theSameStallThroughBothGenerators() throws Exception {
        Timeline closed = run(target -> new ClosedLoopGenerator(Ticker.system()).run(target, 1, REQUESTS), false);
        Timeline open = run(target -> new OpenLoopGenerator(Ticker.system()).run(target, RATE, REQUESTS), true);

        Csv overTime = new Csv("generator", "request", "time_s", "latency_ms");
        closed.rows("closed loop", overTime);
        open.rows("open loop", overTime);
        // by request number, not by time: the closed loop sent nothing during the stall, and a line
        // across that gap in time would draw a ramp that no request had
        LineChart timeChart = new LineChart("One 2 s stall, as each generator records it", "request number", "latency (ms)")
                .series("closed loop", closed.numbers(), closed.latencies())
                .series("open loop (from due time)", open.numbers(), open.latencies());

        Csv spectrum = new Csv("generator", "percentile", "nines", "latency_ms");
        LineChart spectrumChart = new LineChart("Percentile spectrum on the same stall", "nines (1 = p90, 2 = p99, 3 = p99.9)", "latency (ms)");
        spectrum(spectrumChart, spectrum, "closed loop", closed.histogram);
        spectrum(spectrumChart, spectrum, "open loop", open.histogram);

        Path overTimeCsv = Experiment.output("01-measure-first-latency-over-time.csv");
        Path overTimeSvg = Experiment.output("01-measure-first-latency-over-time.svg");
        Path spectrumCsv = Experiment.output("01-measure-first-percentiles.csv");
        Path spectrumSvg = Experiment.output("01-measure-first-percentiles.svg");
        overTime.write(overTimeCsv);
        timeChart.write(overTimeSvg);
        spectrum.write(spectrumCsv);
        spectrumChart.write(spectrumSvg);

        for (Timeline timeline : List.of(closed, open)) {
            Histogram h = timeline.histogram;
            System.out.printf("[experiment] %-12s %d requests: p50 %s, p90 %s, p99 %s, p99.9 %s, max %s, mean %s%n",
                    timeline == closed ? "closed loop" : "open loop", h.getTotalCount(),
                    Recorded.ms(h.getValueAtPercentile(50)), Recorded.ms(h.getValueAtPercentile(90)),
                    Recorded.ms(h.getValueAtPercentile(99)), Recorded.ms(h.getValueAtPercentile(99.9)),
                    Recorded.ms(h.getMaxValue()), LatencyReport.readable(h.getMean()));
        }
        System.out.println("[experiment] wrote " + overTimeSvg + " and " + spectrumSvg);
    }

    private static void spectrum(LineChart chart, Csv csv, String name, Histogram histogram) {
        List<Double> nines = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        for (int tenths = 0; tenths <= 30; tenths++) {
            double ninesValue = tenths / 10.0;
            double percentile = 100 * (1 - Math.pow(10, -ninesValue));
            double ms = histogram.getValueAtPercentile(percentile) / 1_000.0;
            nines.add(ninesValue);
            latencies.add(ms);
            csv.row(name, String.format(java.util.Locale.ROOT, "%.3f", percentile), ninesValue, ms);
        }
        chart.series(name, nines, latencies);
    }

    interface Generator {
        Histogram run(Target target) throws Exception;
    }

    /** What one generator saw: when each request was sent (or due) and how long it took by the generator's own account. */
    private record Timeline(List<Double> sendTimes, List<Double> latencyMs, Histogram histogram) {
        List<Integer> numbers() {
            return java.util.stream.IntStream.range(0, sendTimes.size()).boxed().toList();
        }

        List<Double> latencies() {
            return latencyMs;
        }

        void rows(String name, Csv csv) {
            for (int i = 0; i < sendTimes.size(); i++) {
                csv.row(name, i, sendTimes.get(i), latencyMs.get(i));
            }
        }
    }

    private static Timeline run(Generator generator, boolean fromDueTime) throws Exception {
        try (LabServer server = LabServer.start(1)) {
            server.route("/warm", () -> { }).route("/work", new StallOnce(STALL_AT, STALL, Duration.ZERO));
            new ClosedLoopGenerator(Ticker.system()).run(Target.get(server.uri("/warm")), 1, 50);
            Target http = Target.get(server.uri("/work"));
            List<long[]> calls = new ArrayList<>();
            Target recorded = () -> {
                long sent = System.nanoTime();
                http.call();
                calls.add(new long[] {sent, System.nanoTime()});
            };
            Histogram histogram = generator.run(recorded);
            long start = calls.get(0)[0];
            List<Double> times = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                // the open loop's request i was due i / rate after the start; the closed loop's when it was sent
                long from = fromDueTime ? start + i * 1_000_000_000L / RATE : calls.get(i)[0];
                times.add((from - start) / 1e9);
                latencies.add((calls.get(i)[1] - from) / 1e6);
            }
            return new Timeline(times, latencies, histogram);
        }
    }
}
