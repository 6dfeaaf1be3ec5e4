package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.CountingDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * {@code mvn test -Pexperiment}: a hot key with a 10 s TTL, 2 s before it expires, in front of a
 * 300 ms query, read by 5 app instances x 8 threads for 4 s, under four strategies; counts database
 * queries per 100 ms. Also
 * counts the queries of 200 simultaneous requests at an expiry (Tasks 1 and 3). Writes
 * target/experiment/08-cache-stampede-*.csv and .svg. On the starter, strategies whose task is not
 * done yet are skipped.
 */
@Tag("experiment")
class StampedeExperimentTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final String KEY = Support.KEY;
    static final Duration QUERY_TIME = Support.SLOW_QUERY_TIME; // three of the chart's 100 ms buckets
    /** The story's TTL; each run starts 8 s into it, so the key expires 2 s into the run. */
    static final Duration TTL = Duration.ofSeconds(10);
    static final Duration LEFT_AT_START = Duration.ofSeconds(2);
    static final int INSTANCES = 5;
    static final int THREADS_PER_INSTANCE = 8;
    static final int BUCKETS = 40;
    static final long BUCKET_MILLIS = 100;
    static final long THINK_MILLIS = 10;

    static CountingDataSource database;
    static TopWidgets widgets;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> {
            config.setMaximumPoolSize(50);
            config.setMinimumIdle(50);
        });
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
        widgets = new TopWidgets(database, QUERY_TIME);
    }

    /** One read by one app instance. */
    interface Reader {
        String read(int instance) throws Exception;
    }

    @Test
    void queriesAroundAnExpiry() throws Exception {
        Map<String, double[]> series = new LinkedHashMap<>();
        List<RedisCommands<String, String>> connections = IntStream.range(0, INSTANCES).mapToObj(i -> Support.ownConnection(redis)).toList();

        record(series, "naive cache-aside", () -> prefill(), instance -> naiveGet(connections.get(instance)));

        List<CacheAside> singleFlight = connections.stream().map(c -> new CacheAside(c, widgets, TTL)).toList();
        record(series, "single-flight per instance", () -> prefill(), instance -> singleFlight.get(instance).get(KEY));

        FleetPolicy policy = new FleetPolicy(TTL, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(5));
        List<FleetCache> fleet = connections.stream().map(c -> new FleetCache(c, widgets, policy, Clock.systemUTC())).toList();
        // Written 8 s ago: an instance whose clock is 8 s behind fills it.
        FleetCache filledEarlier = new FleetCache(connections.get(0), widgets, policy,
                Clock.offset(Clock.systemUTC(), LEFT_AT_START.minus(TTL)));
        record(series, "fleet lock + serve stale", () -> filledEarlier.get(KEY), instance -> fleet.get(instance).get(KEY));

        List<EarlyExpiration> early = IntStream.range(0, INSTANCES).mapToObj(i -> new EarlyExpiration(1.0, new Random(2015 + i))).toList();
        record(series, "early expiration + lock", () -> {
                    new RedisLock(connections.get(0)).release(KEY, "no such token"); // skips this run on the starter
                    return prefill();
                },
                instance -> earlyGet(connections.get(instance), early.get(instance)));

        Csv csv = new Csv(header(series));
        LineChart chart = new LineChart("Queries when a hot key expires at 2 s (10 s TTL, 300 ms query, 5 instances x 8 threads)",
                "time (ms)", "queries completed per 100 ms").steps();
        double[] times = IntStream.range(0, BUCKETS).mapToDouble(b -> b * BUCKET_MILLIS).toArray();
        for (int b = 0; b < BUCKETS; b++) {
            List<Object> row = new ArrayList<>();
            row.add((long) times[b]);
            for (double[] counts : series.values()) {
                row.add((long) counts[b]);
            }
            csv.row(row.toArray());
        }
        series.forEach((name, counts) -> chart.series(name, times, counts));
        csv.write(Experiment.output("08-cache-stampede-queries.csv"));
        chart.write(Experiment.output("08-cache-stampede-queries.svg"));
        series.forEach((name, counts) -> System.out.printf("%-28s %4d queries in %d ms%n", name,
                (long) java.util.Arrays.stream(counts).sum(), BUCKETS * BUCKET_MILLIS));
    }

    @Test
    void twoHundredRequestsAtAnExpiry() throws Exception {
        Csv csv = new Csv("scenario", "instances", "requests", "queries");
        List<RedisCommands<String, String>> connections = IntStream.range(0, INSTANCES).mapToObj(i -> Support.ownConnection(redis)).toList();
        CacheAside one = new CacheAside(connections.get(0), widgets, Duration.ofSeconds(10));
        burst(csv, "naive cache-aside (starter) or single-flight (solution), 1 instance", 1, (i) -> one.get(KEY));
        List<CacheAside> many = connections.stream().map(c -> new CacheAside(c, widgets, Duration.ofSeconds(10))).toList();
        burst(csv, "CacheAside on each of 5 instances", INSTANCES, i -> many.get(i).get(KEY));
        List<FleetCache> fleet = connections.stream()
                .map(c -> new FleetCache(c, widgets, FleetPolicy.defaults(), Clock.systemUTC())).toList();
        burst(csv, "FleetCache (Redis lock) on each of 5 instances", INSTANCES, i -> fleet.get(i).get(KEY));
        csv.write(Experiment.output("08-cache-stampede-burst.csv"));
    }

    private static void burst(Csv csv, String scenario, int instances, Reader reader) {
        redis.flush();
        database.reset();
        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(200, caller -> reader.read(caller % instances));
        if (outcomes.stream().anyMatch(o -> o.error() instanceof UnsupportedOperationException)) {
            System.out.printf("%-70s skipped: its task is not done yet%n", scenario);
            return;
        }
        int queries = database.count("pg_sleep");
        System.out.printf("%-70s 200 requests -> %d queries%n", scenario, queries);
        csv.row(scenario, instances, 200, queries);
    }

    private static String[] header(Map<String, double[]> series) {
        List<String> names = new ArrayList<>(List.of("time_ms"));
        series.keySet().forEach(name -> names.add(name.replaceAll("[^a-z]+", "_").replaceAll("_$", "")));
        return names.toArray(String[]::new);
    }

    private static String prefill() throws Exception {
        redis.commands().psetex(KEY, LEFT_AT_START.toMillis(), widgets.load(KEY));
        return KEY;
    }

    /** The story's cache-aside, as the starter has it. */
    private static String naiveGet(RedisCommands<String, String> redis) throws Exception {
        String cached = redis.get(KEY);
        if (cached != null) {
            return cached;
        }
        String loaded = widgets.load(KEY);
        redis.psetex(KEY, TTL.toMillis(), loaded);
        return loaded;
    }

    /**
     * Cache-aside where each reader may decide to refresh the key before it expires (the XFetch rule);
     * the reader that decides takes the fleet lock, so readers who decide while it runs do not
     * recompute again. Everyone else keeps reading the current value.
     */
    private static String earlyGet(RedisCommands<String, String> redis, EarlyExpiration early) throws Exception {
        String cached = redis.get(KEY);
        long ttlMillis = redis.pttl(KEY);
        Instant now = Instant.now();
        if (cached != null && ttlMillis > 0 && !early.shouldRecompute(now, now.plusMillis(ttlMillis), QUERY_TIME)) {
            return cached;
        }
        RedisLock lock = new RedisLock(redis);
        var token = lock.tryAcquire(KEY, Duration.ofSeconds(2));
        if (token.isEmpty()) {
            return cached != null ? cached : naiveGet(redis);
        }
        try {
            String loaded = widgets.load(KEY);
            redis.psetex(KEY, TTL.toMillis(), loaded);
            return loaded;
        } finally {
            lock.release(KEY, token.get());
        }
    }

    interface Setup {
        Object run() throws Exception;
    }

    private static void record(Map<String, double[]> series, String name, Setup setup, Reader reader) throws Exception {
        redis.flush();
        try {
            setup.run();
        } catch (UnsupportedOperationException notDone) {
            System.out.printf("%-28s skipped: %s%n", name, notDone.getMessage());
            return;
        }
        database.reset();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
        long start = System.nanoTime();
        for (int t = 0; t < INSTANCES * THREADS_PER_INSTANCE; t++) {
            int instance = t % INSTANCES;
            threads.submit(() -> {
                while (running.get()) {
                    try {
                        reader.read(instance);
                        Thread.sleep(THINK_MILLIS);
                    } catch (InterruptedException stop) {
                        return;
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            });
        }
        double[] counts = new double[BUCKETS];
        int seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            long wakeAt = start + TimeUnit.MILLISECONDS.toNanos((b + 1) * BUCKET_MILLIS);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, wakeAt - System.nanoTime()));
            int total = database.count("pg_sleep");
            counts[b] = total - seen;
            seen = total;
        }
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        if (failure.get() instanceof UnsupportedOperationException notDone) {
            System.out.printf("%-28s skipped: %s%n", name, notDone.getMessage());
            return;
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a reader failed", failure.get());
        }
        series.put(name, counts);
    }
}
