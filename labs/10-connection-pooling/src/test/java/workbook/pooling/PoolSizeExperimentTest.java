package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The experiment: (1) an open workload of 200 requests/s, each holding a connection for 20 ms of
 * query time, against pools of 1 to 16 connections: throughput and p99 latency against pool size;
 * (2) 4 clients asking prices for 2 s through 20 ms of network latency, with a connection per request
 * and with {@link PriceLookup}: new server processes per second. Writes CSVs and SVG charts under
 * target/experiment/. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class PoolSizeExperimentTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final double RATE = 200;
    static final Duration QUERY = Duration.ofMillis(20);
    static final int REQUESTS = 200;
    static final int[] SIZES = {1, 2, 3, 4, 5, 6, 8, 12, 16};

    @Test
    void throughputAndP99AgainstPoolSize() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
        Csv csv = new Csv("pool_size", "offered_per_s", "served_per_s", "p99_ms", "mean_hold_ms");
        List<Double> sizes = new ArrayList<>();
        List<Double> served = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int size : SIZES) {
            try (HikariDataSource pool = LabDatabase.direct(db).pool("size-" + size, size)) {
                pool.getConnection().close();
                OpenLoad.Result run = OpenLoad.run(pool, size, RATE, REQUESTS, QUERY);
                csv.row(size, Math.round(run.offeredPerSecond()), Math.round(run.throughputPerSecond()),
                        Math.round(run.p99Millis()), String.format("%.1f", run.meanHoldMillis()));
                sizes.add((double) size);
                served.add(run.throughputPerSecond());
                p99.add(run.p99Millis());
                System.out.printf("[experiment] pool %2d: %4.0f/s offered, %4.0f/s served, p99 %5.0f ms, hold %.1f ms%n",
                        size, run.offeredPerSecond(), run.throughputPerSecond(), run.p99Millis(), run.meanHoldMillis());
            }
        }
        csv.write(Experiment.output("10-connection-pooling-pool-size.csv"));
        new LineChart("Served per second at 200 requests/s offered, 20 ms queries", "pool size (connections)", "requests per second")
                .series("served", sizes, served).reference("offered: 200/s", RATE)
                .write(Experiment.output("10-connection-pooling-throughput.svg"));
        new LineChart("p99 latency (waiting for a connection included)", "pool size (connections)", "p99 latency (ms)")
                .series("p99", sizes, p99)
                .write(Experiment.output("10-connection-pooling-p99.svg"));
    }

    @Test
    void connectionsOpenedPerSecond() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
        Toxi.Proxied network = toxi.postgres(db);
        network.toxics().latency("network", ToxicDirection.DOWNSTREAM, 20);
        Endpoint database = LabDatabase.through(db, network, "primary");

        List<Double> perRequest = opensPerSecond(productId -> {
            try (Connection connection = database.connect()) {
                return Prices.read(connection, productId);
            }
        });
        List<Double> pooled;
        try (PriceLookup lookup = new PriceLookup(database, 4)) {
            pooled = opensPerSecond(lookup::quote);
        }
        Csv csv = new Csv("second", "per_request_opened_per_s", "pooled_opened_per_s");
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < perRequest.size(); i++) {
            seconds.add(i * BUCKET_SECONDS);
            csv.row(String.format("%.1f", i * BUCKET_SECONDS), Math.round(perRequest.get(i)), Math.round(pooled.get(i)));
        }
        Path csvFile = Experiment.output("10-connection-pooling-connections.csv");
        Path svgFile = Experiment.output("10-connection-pooling-connections.svg");
        csv.write(csvFile);
        new LineChart("New server processes per second: 4 clients, 20 ms network latency", "time (s)", "connections opened per second")
                .series("a connection per request", seconds, perRequest).series("pool of 4 (PriceLookup)", seconds, pooled)
                .steps().write(svgFile);
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    static final double BUCKET_SECONDS = 0.2;
    static final int BUCKETS = 10;

    interface Lookup {
        Quote quote(long productId) throws Exception;
    }

    /** 4 clients for BUCKETS x BUCKET_SECONDS; per bucket, the server processes seen for the first time, per second. */
    static List<Double> opensPerSecond(Lookup lookup) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        long end = start + (long) (BUCKETS * BUCKET_SECONDS * 1e9);
        int[] firstSeen = new int[BUCKETS];
        Set<Integer> seen = new HashSet<>();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(clients.submit(() -> {
                long productId = 1;
                while (System.nanoTime() < end) {
                    Quote quote = lookup.quote(productId++ % Prices.PRODUCTS + 1);
                    int bucket = (int) ((System.nanoTime() - start) / (BUCKET_SECONDS * 1e9));
                    synchronized (seen) {
                        if (seen.add(quote.backendPid()) && bucket < BUCKETS) {
                            firstSeen[bucket]++;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdownNow();
        List<Double> perSecond = new ArrayList<>();
        for (int count : firstSeen) {
            perSecond.add(count / BUCKET_SECONDS);
        }
        return perSecond;
    }
}
