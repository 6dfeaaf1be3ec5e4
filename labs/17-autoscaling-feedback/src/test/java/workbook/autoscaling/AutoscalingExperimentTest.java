package workbook.autoscaling;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The experiment: one simulated day of the public trace under the naive policy, stabilised target
 * tracking on CPU and on requests per instance, and predictive plus reactive scaling. Writes the minute-by-minute load, capacity and instance
 * count to target/experiment/17-autoscaling-feedback.csv, the three scores to ...-scores.csv, and two
 * charts. On the starter only the naive policy runs; the others say which task they wait for.
 * Run it with: mvn -q test -Pexperiment
 */
@Tag("experiment")
class AutoscalingExperimentTest {

    @Test
    void oneDayFourPolicies() throws IOException {
        Map<String, Supplier<ScalingPolicy>> policies = new LinkedHashMap<>();
        policies.put("naive", Policies::naive);
        policies.put("target tracking on CPU", () -> new Stabilised(new TargetTracking(0.5, 0.1), Duration.ofMinutes(3), Duration.ofMinutes(15)));
        policies.put("target tracking on requests", () -> new Stabilised(new RequestTracking(50, 0.1), Duration.ofMinutes(3), Duration.ofMinutes(15)));
        policies.put("predictive + reactive", () -> Policies.recommended(Lab.HISTORY, Lab.FLEET));

        Map<String, Run> runs = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<ScalingPolicy>> entry : policies.entrySet()) {
            try {
                runs.put(entry.getKey(), Lab.run(entry.getValue().get()));
            } catch (UnsupportedOperationException notYet) {
                System.out.println("skipping " + entry.getKey() + ": " + notYet.getMessage());
            }
        }

        Csv minutes = new Csv("policy", "minute", "load_rps", "instances", "serving", "capacity_rps", "latency_ms", "instances_needed");
        Csv scores = new Csv("policy", "slo_violation_minutes", "instance_hours", "scaling_actions", "direction_changes", "peak_instances", "peak_needed");
        LineChart instances = new LineChart("One day, four autoscalers: instances running", "time of day", "instances").clockTimeX();
        LineChart spike = new LineChart("The 9:00 spike: capacity against load", "time of day", "requests per second").clockTimeX();
        List<Double> needX = new ArrayList<>();
        List<Double> needY = new ArrayList<>();
        List<Double> loadX = new ArrayList<>();
        List<Double> loadY = new ArrayList<>();
        for (int minute = 0; minute < Trace.MINUTES_PER_DAY; minute++) {
            needX.add((double) minute);
            needY.add((double) Lab.FLEET.instancesNeeded(Lab.DAY.loadRps(minute)));
            if (minute >= 8 * 60 + 30 && minute < 10 * 60) {
                loadX.add((double) minute);
                loadY.add(Lab.DAY.loadRps(minute));
            }
        }
        instances.series("instances the load needs", needX, needY);
        spike.series("load", loadX, loadY);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %12s %15s %16s %18s %10s%n", "policy", "SLO minutes", "instance-hours",
                "scaling actions", "direction changes", "peak/need");
        for (Map.Entry<String, Run> entry : runs.entrySet()) {
            String name = entry.getKey();
            Run run = entry.getValue();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> spikeX = new ArrayList<>();
            List<Double> capacity = new ArrayList<>();
            for (int minute = 0; minute < Trace.MINUTES_PER_DAY; minute++) {
                Tick tick = run.tick(minute * Fleet.TICKS_PER_MINUTE);   // the first tick of each minute
                xs.add((double) minute);
                ys.add((double) tick.instances());
                minutes.row(name, minute, round(tick.loadRps()), tick.instances(), tick.serving(), round(tick.capacityRps()),
                        round(tick.latencyMs()), Lab.FLEET.instancesNeeded(tick.loadRps()));
                if (minute >= 8 * 60 + 30 && minute < 10 * 60) {
                    spikeX.add((double) minute);
                    capacity.add(tick.capacityRps() * Lab.FLEET.sloUtilisation());
                }
            }
            instances.series(name, xs, ys);
            spike.series(name + ": capacity within SLO", spikeX, capacity);

            // The experiment counts for itself, so it runs on the starter before Tasks 1 and 6 are done.
            double slo = run.ticks().stream().filter(t -> t.latencyMs() > Lab.FLEET.sloLatencyMs()).count() / (double) Fleet.TICKS_PER_MINUTE;
            double hours = run.ticks().stream().mapToLong(Tick::instances).sum() * Fleet.TICK_SECONDS / 3600.0;
            long actions = run.ticks().stream().filter(t -> t.change() != 0).count();
            int peak = run.ticks().stream().mapToInt(Tick::instances).max().orElseThrow();
            int peakNeeded = run.ticks().stream().mapToInt(t -> Lab.FLEET.instancesNeeded(t.loadRps())).max().orElseThrow();
            int reversals = Lab.reversals(run);
            scores.row(name, round(slo), round(hours), actions, reversals, peak, peakNeeded);
            System.out.printf(Locale.ROOT, "%-28s %12.2f %15.1f %16d %18d %10s%n", name, slo, hours, actions, reversals,
                    peak + "/" + peakNeeded);
        }
        System.out.println();

        minutes.write(Experiment.output("17-autoscaling-feedback.csv"));
        scores.write(Experiment.output("17-autoscaling-feedback-scores.csv"));
        instances.write(Experiment.output("17-autoscaling-feedback-instances.svg"));
        spike.write(Experiment.output("17-autoscaling-feedback-spike.svg"));
        System.out.println("wrote " + Experiment.outputDirectory());
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
