package workbook.cacheaside;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn test -Pexperiment}: the story at its own numbers. Four app instances read a hot set
 * of 10 products (a 200 ms query each) in 10 batches of 20 requests, with no cache, with
 * cache-aside, and with two levels; per batch it counts database reads and Redis GETs and takes
 * the p50 latency. Then 5 instances read one hot key 200 times a second for 10 s of fake time,
 * with and without a one-second local cache, and counts the Redis commands for that key per
 * second. Writes target/experiment/07-cache-aside-and-hot-keys-*.csv and .svg.
 */
@Tag("experiment")
class CacheAsideExperimentTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration QUERY_TIME = Duration.ofMillis(200);
    static final int HOT_SET = 10;
    static final int INSTANCES = 4;
    static final int BATCHES = 10;
    static final int PER_BATCH = 20;

    static Shop shop;
    final List<TwoLevelCache> opened = new ArrayList<>();

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db).withQueryTime(QUERY_TIME);
        shop.reset(HOT_SET);
    }

    @AfterEach
    void close() {
        opened.forEach(TwoLevelCache::close);
    }

    /** One read of product {@code id} by one app instance. */
    interface Reader {
        void read(int instance, long id) throws Exception;
    }

    /** Per batch: database reads, Redis GETs, p50 in ms. */
    record Batch(int reads, int gets, double p50) {
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // the no-cache run alone is 40 s of queries, 4 at a time
    void reads() throws Exception {
        List<CountingRedis> connections = new ArrayList<>();
        List<CacheAside> cacheAside = new ArrayList<>();
        List<TwoLevelCache> twoLevels = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            CountingRedis calls = Shop.ownConnection(redis);
            connections.add(calls);
            CacheAside shared = new CacheAside(shop.store, calls.commands(), CachePolicy.defaults(), BetweenSteps.NOTHING);
            cacheAside.add(shared);
            TwoLevelCache twoLevel = new TwoLevelCache(shared, redis.newClient(), 100);
            opened.add(twoLevel);
            twoLevels.add(twoLevel);
        }

        List<Batch> none = run("no cache", connections, (instance, id) -> shop.store.find(id));
        redis.flush();
        List<Batch> aside = run("cache-aside", connections, (instance, id) -> cacheAside.get(instance).get(id));
        redis.flush();
        List<Batch> two = run("two levels", connections, (instance, id) -> twoLevels.get(instance).get(id));

        Csv csv = new Csv("batch", "strategy", "database_reads", "redis_gets", "p50_ms");
        double[] xs = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            xs[b] = b + 1;
            csv.row(b + 1, "no cache", none.get(b).reads(), none.get(b).gets(), none.get(b).p50());
            csv.row(b + 1, "cache-aside", aside.get(b).reads(), aside.get(b).gets(), aside.get(b).p50());
            csv.row(b + 1, "two levels", two.get(b).reads(), two.get(b).gets(), two.get(b).p50());
        }
        csv.write(Experiment.output("07-cache-aside-and-hot-keys-reads.csv"));
        new LineChart("Database reads per 20 requests (10 hot products, 200 ms query, 4 instances)", "batch of 20 requests", "database reads")
                .series("no cache", xs, readsOf(none))
                .series("cache-aside (Redis)", xs, readsOf(aside))
                .series("two levels (local + Redis)", xs, readsOf(two))
                .write(Experiment.output("07-cache-aside-and-hot-keys-reads.svg"));

        double before = median(none);
        double after = median(aside.subList(1, BATCHES));
        System.out.printf("p50 per request: no cache %.1f ms, cache-aside %.2f ms once warm (%.0fx), two levels %.3f ms once warm%n",
                before, after, before / after, median(two.subList(1, BATCHES)));
        System.out.printf("database reads for 200 requests: no cache %d, cache-aside %d, two levels %d%n",
                total(none, Batch::reads), total(aside, Batch::reads), total(two, Batch::reads));
        System.out.printf("Redis GETs for 200 requests: cache-aside %d, two levels %d%n",
                total(aside, Batch::gets), total(two, Batch::gets));
    }

    private List<Batch> run(String strategy, List<CountingRedis> connections, Reader reader) throws Exception {
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        List<Batch> batches = new ArrayList<>();
        try {
            for (int b = 0; b < BATCHES; b++) {
                shop.database.reset();
                connections.forEach(CountingRedis::reset);
                List<Future<Long>> requests = new ArrayList<>();
                for (int r = 0; r < PER_BATCH; r++) {
                    int instance = r % INSTANCES;
                    long id = 1 + random.nextInt(HOT_SET);
                    requests.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        reader.read(instance, id);
                        return System.nanoTime() - start;
                    }));
                }
                List<Long> nanos = new ArrayList<>();
                for (Future<Long> request : requests) {
                    nanos.add(request.get());
                }
                int gets = connections.stream().mapToInt(c -> c.count("GET")).sum();
                batches.add(new Batch(shop.reads(), gets, Shop.medianMillis(nanos)));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%-12s database reads per batch %s%n", strategy, batches.stream().map(Batch::reads).toList());
        return batches;
    }

    /** 5 instances, 200 reads a second of one key, 10 s of fake time: Redis commands for the key per second. */
    @Test
    void theHotKey() throws Exception {
        String key = "profile:celebrity";
        redis.commands().set(key, "followers=1000000");
        MutableClock clock = MutableClock.startingAtEpochMinute();
        List<CountingRedis> plain = new ArrayList<>();
        List<CountingRedis> local = new ArrayList<>();
        List<LocalHotCache> cached = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plain.add(Shop.ownConnection(redis));
            local.add(Shop.ownConnection(redis));
            cached.add(new LocalHotCache(local.get(i).commands(), clock, Duration.ofSeconds(1)));
        }
        Csv csv = new Csv("second", "without_local_cache", "with_1s_local_cache");
        double[] xs = new double[10];
        double[] without = new double[10];
        double[] with = new double[10];
        for (int second = 0; second < 10; second++) {
            int plainBefore = plain.stream().mapToInt(c -> c.forKey(key)).sum();
            int localBefore = local.stream().mapToInt(c -> c.forKey(key)).sum();
            for (int read = 0; read < 200; read++) {
                clock.advanceMillis(5);
                plain.get(read % 5).commands().get(key);
                cached.get(read % 5).get(key);
            }
            xs[second] = second + 1;
            without[second] = plain.stream().mapToInt(c -> c.forKey(key)).sum() - plainBefore;
            with[second] = local.stream().mapToInt(c -> c.forKey(key)).sum() - localBefore;
            csv.row(second + 1, (int) without[second], (int) with[second]);
        }
        csv.write(Experiment.output("07-cache-aside-and-hot-keys-hot-key.csv"));
        new LineChart("Redis commands per second for one hot key (5 instances, 200 reads/s)", "second", "commands for the hot key")
                .series("every read a GET", xs, without)
                .series("1 s local cache per instance", xs, with)
                .write(Experiment.output("07-cache-aside-and-hot-keys-hot-key.svg"));
        System.out.printf("hot key: %.0f commands/s without a local cache, %.0f with a 1 s local cache per instance%n",
                without[9], with[9]);
    }

    private static double[] readsOf(List<Batch> batches) {
        return batches.stream().mapToDouble(Batch::reads).toArray();
    }

    private static double median(List<Batch> batches) {
        List<Double> sorted = batches.stream().map(Batch::p50).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static int total(List<Batch> batches, java.util.function.ToIntFunction<Batch> what) {
        return batches.stream().mapToInt(what).sum();
    }
}
