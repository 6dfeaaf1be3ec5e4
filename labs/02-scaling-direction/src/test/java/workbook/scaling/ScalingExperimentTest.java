package workbook.scaling;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * mvn test -Pexperiment: the runway of the course's database under each option (Task 1) and the
 * measured throughput of the I/O-bound endpoint as capacity grows out or up (Task 4). Writes
 * target/experiment/02-scaling-direction-*.csv and .svg.
 */
@Tag("experiment")
class ScalingExperimentTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    void utilizationPerMonth() throws Exception {
        CapacityModel course = new CapacityModel(0.80, 0.10, 0.60, 0.90, 1_000);
        List<Option> options = List.of(Option.stayAsIs(), Option.vertical(2), Option.horizontal(1), Option.diagonal(2, 2, 1));
        List<String> names = List.of("stay as is ($1,000)", "vertical 2x cores ($3,000)", "horizontal 1 replica ($2,000)",
                "diagonal 2x primary + 2 replicas ($5,000)");
        Csv csv = new Csv("month", "stay_as_is", "vertical_2x", "horizontal_1_replica", "diagonal_2x_2_replicas");
        LineChart chart = new LineChart("Busiest server's peak CPU: 80% today, +10% a month, 60% reads", "month", "utilization (%)")
                .reference("critical (90%)", 90);
        List<List<Double>> series = new ArrayList<>();
        options.forEach(option -> series.add(new ArrayList<>()));
        List<Integer> months = new ArrayList<>();
        for (int month = 0; month <= 18; month++) {
            months.add(month);
            Object[] row = new Object[options.size() + 1];
            row[0] = month;
            for (int i = 0; i < options.size(); i++) {
                double percent = 100 * course.utilization(options.get(i), month);
                series.get(i).add(percent);
                row[i + 1] = String.format("%.1f", percent);
            }
            csv.row(row);
        }
        for (int i = 0; i < options.size(); i++) {
            chart.series(names.get(i), months, series.get(i));
        }
        chart.yMax(200);
        csv.write(Experiment.output("02-scaling-direction-runway.csv"));
        chart.write(Experiment.output("02-scaling-direction-runway.svg"));
        for (int i = 0; i < options.size(); i++) {
            System.out.printf("%-45s cost $%,.0f  critical at month %s  month 7: %.0f%%%n", names.get(i),
                    course.monthlyCost(options.get(i)),
                    course.monthsUntilCritical(options.get(i)).stream().mapToObj(String::valueOf).findFirst().orElse("never"),
                    100 * course.utilization(options.get(i), 7));
        }
    }

    @Test
    @Timeout(120) // eight measured fleets: longer than the lab kit's 30 s per test
    void throughputAgainstCapacity() throws Exception {
        try (Downstream downstream = new Downstream()) {
            Toxi.Proxied proxied = toxi.localPort("downstream", downstream.port());
            proxied.toxics().latency("downstream-wait", ToxicDirection.DOWNSTREAM, Task4MeasuredScalingTest.LATENCY_MS);
            URI slow = URI.create("http://" + proxied.address() + "/");
            int workers = Task4MeasuredScalingTest.WORKERS;
            Csv csv = new Csv("multiple", "instances_x2_workers_rps", "one_instance_2n_workers_rps", "ideal_rps");
            List<Integer> multiples = new ArrayList<>();
            List<Double> out = new ArrayList<>();
            List<Double> up = new ArrayList<>();
            List<Double> ideal = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                double horizontal;
                double vertical;
                try (Fleet fleet = Fleet.start(n, workers, slow)) {
                    horizontal = measure(fleet, n);
                }
                try (Fleet fleet = Fleet.start(1, n * workers, slow)) {
                    vertical = measure(fleet, n);
                }
                multiples.add(n);
                out.add(horizontal);
                up.add(vertical);
                ideal.add(n * out.get(0));
                csv.row(n, String.format("%.1f", horizontal), String.format("%.1f", vertical), String.format("%.1f", n * out.get(0)));
                System.out.printf("x%d: %d instance(s) x %d workers = %.1f req/s (%.2fx), 1 instance x %d workers = %.1f req/s (%.2fx)%n",
                        n, n, workers, horizontal, horizontal / out.get(0), n * workers, vertical, vertical / out.get(0));
            }
            csv.write(Experiment.output("02-scaling-direction-throughput.csv"));
            new LineChart("I/O-bound endpoint, 400 ms downstream wait: throughput as capacity grows", "capacity (x one instance of 2 workers)",
                    "requests per second")
                    .series("out: n instances x 2 workers", multiples, out)
                    .series("up: 1 instance x 2n workers", multiples, up)
                    .series("ideal: n x one instance", multiples, ideal)
                    .write(Experiment.output("02-scaling-direction-throughput.svg"));
        }
    }

    /** Four rounds of the fleet's capacity of 2 x multiple requests at once. */
    private static double measure(Fleet fleet, int multiple) {
        int clients = 6 * multiple;
        Load.throughput(fleet.uri().resolve("/work"), clients, clients);
        return Load.throughput(fleet.uri().resolve("/work"), 8 * multiple, clients);
    }
}
