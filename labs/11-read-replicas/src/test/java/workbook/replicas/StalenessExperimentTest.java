package workbook.replicas;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Staleness seen by write-then-read cycles against injected replication lag (0 to 400 ms on both
 * links), for naive routing (Task 1), stickiness and LSN waits (Task 2), on the real cluster. Writes
 * target/experiment/11-read-replicas-staleness.csv and .svg. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class StalenessExperimentTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    static final int[] LAGS_MS = {0, 50, 100, 200, 400};
    static final int CYCLES = 40;
    static final int USERS = 10;

    private interface Strategy {
        /** Writes, then returns the server to read from. */
        Node writeThenPick(String user, String value) throws Exception;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // longer than the lab kit's 30 s: 600 cycles, some waiting for the lag
    void staleReadsAgainstReplicationLag() throws Exception {
        Cluster.seed(cluster, USERS);
        Map<String, List<Double>> stalePercent = new LinkedHashMap<>();
        Map<String, List<Double>> primaryPercent = new LinkedHashMap<>();
        Csv csv = new Csv("strategy", "lag_ms", "cycles", "stale", "reads_on_primary", "fallbacks", "mean_read_ms");
        for (int lag : LAGS_MS) {
            cluster.heal();
            cluster.awaitReplayed();
            if (lag > 0) {
                Cluster.lag(cluster, lag);
            }
            Node primary = Cluster.primary(cluster);
            ReplicaRouter router = new ReplicaRouter(primary, Cluster.standbys(cluster));
            StickyReads sticky = new StickyReads(router, Clock.systemUTC(), Duration.ofSeconds(1));
            LsnReads lsn = new LsnReads(router, Duration.ofSeconds(1));
            Map<String, Strategy> strategies = new LinkedHashMap<>();
            strategies.put("naive (Task 1)", (user, value) -> {
                Profiles.write(router.forWrite(), user, value);
                return router.forRead();
            });
            strategies.put("sticky 1 s", (user, value) -> {
                Profiles.write(sticky.forWrite(user), user, value);
                return sticky.forRead(user);
            });
            strategies.put("LSN wait, up to 1 s", (user, value) -> lsn.forReadAfter(Profiles.write(router.forWrite(), user, value)));
            for (Map.Entry<String, Strategy> strategy : strategies.entrySet()) {
                int stale = 0;
                int onPrimary = 0;
                int fallbacksBefore = lsn.fallbacks();
                long readNanos = 0;
                for (int i = 0; i < CYCLES; i++) {
                    String user = "user-" + (i % USERS);
                    String value = strategy.getKey() + "-" + lag + "-" + i;
                    long start = System.nanoTime();
                    Node node = strategy.getValue().writeThenPick(user, value);
                    Optional<String> seen = Profiles.read(node, user);
                    readNanos += System.nanoTime() - start;
                    stale += seen.equals(Optional.of(value)) ? 0 : 1;
                    onPrimary += node.name().equals("primary") ? 1 : 0;
                }
                int fallbacks = lsn.fallbacks() - fallbacksBefore;
                double meanMs = readNanos / 1e6 / CYCLES;
                System.out.printf("[experiment] %-20s lag %3d ms: %2d/%d stale, %2d reads on the primary, %2d fallbacks, %.1f ms per write+read%n",
                        strategy.getKey(), lag, stale, CYCLES, onPrimary, fallbacks, meanMs);
                csv.row(strategy.getKey(), lag, CYCLES, stale, onPrimary, fallbacks, String.format("%.1f", meanMs));
                stalePercent.computeIfAbsent(strategy.getKey(), k -> new ArrayList<>()).add(100.0 * stale / CYCLES);
                primaryPercent.computeIfAbsent(strategy.getKey(), k -> new ArrayList<>()).add(100.0 * onPrimary / CYCLES);
                cluster.awaitReplayed();
            }
        }
        List<Integer> xs = new ArrayList<>();
        for (int lag : LAGS_MS) {
            xs.add(lag);
        }
        LineChart chart = new LineChart("Write, then read at once: stale reads and reads sent to the primary",
                "replication lag injected on the links (ms)", "% of " + CYCLES + " write-then-read cycles");
        stalePercent.forEach((name, ys) -> chart.series("stale: " + name, xs, ys));
        primaryPercent.forEach((name, ys) -> chart.series("on primary: " + name, xs, ys));
        chart.yMax(100);
        Path csvFile = Experiment.output("11-read-replicas-staleness.csv");
        Path svgFile = Experiment.output("11-read-replicas-staleness.svg");
        csv.write(csvFile);
        chart.write(svgFile);
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }
}
