package workbook.compute;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Two charts from your CostModel, FunctionFleet and ColdStartStudy. The monthly cost of the steady
 * API's requests (20 ms, 2 ms CPU, 512 MB) on each model against a steady rate from 0 to 500 req/s,
 * with the crossover marked; and the p99 of Task 2's ten minutes of bursty traffic against the
 * number of provisioned instances. Writes CSVs and SVGs under target/experiment/. Run it with
 * {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class ComputeModelsExperimentTest {
    private static final Duration DURATION = Duration.ofMillis(20);
    private static final Duration CPU = Duration.ofMillis(2);
    private static final int MEMORY_MB = 512;
    private static final int MAX_RATE = 500;
    private static final int RATE_STEP = 5;
    private static final int MAX_PROVISIONED = 10;

    @Test
    void monthlyCostAgainstASteadyRate() throws Exception {
        int points = MAX_RATE / RATE_STEP + 1;
        double[] rates = new double[points];
        double[] functions = new double[points];
        double[] containers = new double[points];
        double[] vms = new double[points];
        Csv csv = new Csv("requests_per_second", "functions", "containers", "vms");
        for (int i = 0; i < points; i++) {
            rates[i] = i * RATE_STEP;
            Workload steady = Workload.api("steady", Workload.steady(rates[i]), DURATION, CPU, MEMORY_MB, Duration.ofMillis(50));
            functions[i] = CostModel.functionMonthly(steady);
            containers[i] = CostModel.containerMonthly(steady);
            vms[i] = CostModel.vmMonthly(steady);
            csv.row(rates[i], round(functions[i]), round(containers[i]), round(vms[i]));
        }
        int crossover = CostModel.crossoverRate(DURATION, CPU, MEMORY_MB, MAX_RATE);
        LineChart chart = new LineChart("Monthly cost of 20 ms requests (2 ms CPU, 512 MB), prices of " + Prices.AS_OF,
                "steady request rate (req/s)", "US dollars a month")
                .series("functions", rates, functions)
                .series("containers (1 vCPU, 2 GB)", rates, containers)
                .series("VMs (m6i.large)", rates, vms);
        if (crossover > 0) {
            double top = Math.max(functions[points - 1], vms[points - 1]);
            chart.series("crossover: " + crossover + " req/s", new double[]{crossover, crossover}, new double[]{0, top});
        }
        Path csvFile = Experiment.output("18-compute-models-cost.csv");
        Path svgFile = Experiment.output("18-compute-models-cost.svg");
        csv.write(csvFile);
        chart.write(svgFile);
        System.out.printf("[experiment] at %d req/s: functions $%.2f, containers $%.2f, VMs $%.2f a month; functions cost more "
                + "than containers from %d req/s%n", MAX_RATE, functions[points - 1], containers[points - 1], vms[points - 1], crossover);
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    @Test
    void p99AgainstProvisionedConcurrency() throws Exception {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        List<Instant> arrivals = BurstyTraffic.lab(18, start);
        double[] provisioned = new double[MAX_PROVISIONED + 1];
        double[] p99 = new double[MAX_PROVISIONED + 1];
        Csv csv = new Csv("provisioned_instances", "p99_ms", "cold_starts", "provisioned_dollars_a_month");
        for (int instances = 0; instances <= MAX_PROVISIONED; instances++) {
            FunctionFleet fleet = new FunctionFleet(Duration.ofSeconds(45), instances, ColdStarts.java(7));
            Duration latency = ColdStartStudy.p99(ColdStartStudy.replay(arrivals, DURATION, fleet));
            provisioned[instances] = instances;
            p99[instances] = latency.toMillis();
            csv.row(instances, latency.toMillis(), fleet.coldStarts(), round(CostModel.provisionedMonthly(instances, MEMORY_MB)));
            System.out.printf("[experiment] %2d provisioned: p99 %4d ms, %3d cold starts, $%.2f a month kept warm%n", instances,
                    latency.toMillis(), fleet.coldStarts(), CostModel.provisionedMonthly(instances, MEMORY_MB));
        }
        LineChart chart = new LineChart("p99 of 10 minutes of bursty traffic (" + arrivals.size() + " requests of 20 ms)",
                "provisioned instances", "p99 (ms)")
                .series("p99", provisioned, p99)
                .reference("budget: 50 ms", 50);
        Path csvFile = Experiment.output("18-compute-models-p99.csv");
        Path svgFile = Experiment.output("18-compute-models-p99.svg");
        csv.write(csvFile);
        chart.write(svgFile);
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    private static double round(double dollars) {
        return Math.round(dollars * 100) / 100.0;
    }
}
