package workbook.stampede;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caffeine's AsyncLoadingCache, the in-process cache most Java services use, held to the same
 * contract as the lab's SingleFlight (Task 2) and stale-while-rebuild (Task 4), on the same slow
 * PostgreSQL query. It shows that the library keeps the promises the lab teaches; each test carries
 * the task whose contract it checks.
 */
class CaffeineContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    static CountingDataSource database;
    static TopWidgets widgets;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(10));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
        widgets = new TopWidgets(database, Support.QUERY_TIME);
    }

    @BeforeEach
    void resetCounter() throws Exception {
        db.jdbc().update("update widgets set sales = 10 where name = 'nut'");
        database.reset();
    }

    @Test
    @Task(2)
    void concurrentMissesShareOneQuery() {
        AsyncLoadingCache<String, String> cache = Caffeine.newBuilder().buildAsync(widgets::load);

        List<String> values = Concurrently.values(Concurrently.run(200, caller -> cache.get("widgets:top").join()));

        assertThat(values).hasSize(200).containsOnly("widgets:top=gear,bolt,nut");
        assertThat(database.count("pg_sleep")).as("queries for 200 concurrent misses").isEqualTo(1);
    }

    @Test
    @Task(2)
    void aFailedLoadReachesEveryWaiterAndIsNotCached() {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        AsyncLoadingCache<String, String> cache = Caffeine.newBuilder().buildAsync(key -> {
            if (loads.incrementAndGet() == 1) {
                finish.await();
                throw new IOException("database is down");
            }
            return "recovered";
        });

        List<CompletableFuture<String>> waiters = java.util.stream.IntStream.range(0, 20).mapToObj(i -> cache.get("widgets:top")).toList();
        finish.countDown();

        assertThat(waiters).allSatisfy(waiter -> assertThat(waiter).failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause().isInstanceOf(IOException.class));
        assertThat(loads.get()).as("loads for 20 waiters").isEqualTo(1);
        // Caffeine drops the failed future as it completes; the next get after that loads again.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(() -> assertThat(cache.get("widgets:top").join()).as("the failure is not cached").isEqualTo("recovered"));
    }

    @Test
    @Task(2)
    void differentKeysDoNotWaitOnEachOther() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AsyncLoadingCache<String, String> cache = Caffeine.newBuilder().buildAsync(key -> {
            if (key.equals("slow")) {
                finish.await();
            }
            return key;
        });
        CompletableFuture<String> slow = cache.get("slow");

        assertThat(cache.get("fast").get(10, TimeUnit.SECONDS)).isEqualTo("fast");
        finish.countDown();
        assertThat(slow.get(20, TimeUnit.SECONDS)).isEqualTo("slow");
    }

    @Test
    @Task(4)
    void refreshAfterWriteServesTheOldValueWhileOneReloadRuns() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        ExecutorService reloads = Executors.newFixedThreadPool(2);
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        // The reload waits until every reader has had its answer, so "while the reload runs" holds
        // however slowly a busy machine runs the readers.
        CountDownLatch readersServed = new CountDownLatch(1);
        AsyncLoadingCache<String, String> cache = Caffeine.newBuilder()
                .ticker(ticker)
                .refreshAfterWrite(Duration.ofSeconds(10))  // fresh for 10 s...
                .expireAfterWrite(Duration.ofSeconds(70))   // ...then served stale while one reload runs
                .executor(reloads)
                .buildAsync(key -> {
                    readersServed.await();
                    return widgets.load(key);
                });
        // The first value goes in as a finished future. Loaded through the cache, its write time would
        // be stamped by a callback on the loading thread, which may run after join() returns, and so
        // after the clock moves: the entry would look brand new and never be refreshed.
        cache.put("widgets:top", CompletableFuture.completedFuture(widgets.load("widgets:top")));
        db.jdbc().update("update widgets set sales = 40 where name = 'nut'");
        clock.advance(Duration.ofSeconds(11));
        database.reset();
        assertThat(cache.synchronous().policy().expireAfterWrite().orElseThrow().ageOf("widgets:top"))
                .as("age of the cached value once the clock has moved").contains(Duration.ofSeconds(11));

        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(50, caller -> cache.get("widgets:top").join());
        readersServed.countDown();

        assertThat(Concurrently.values(outcomes)).as("values while the refresh runs: the old one, at once")
                .hasSize(50).containsOnly("widgets:top=gear,bolt,nut");
        await().atMost(Duration.ofSeconds(20)).until(() -> cache.get("widgets:top").join().equals("widgets:top=nut,gear,bolt"));
        assertThat(database.count("pg_sleep")).as("reloads for 50 readers of a key due for refresh").isEqualTo(1);
        reloads.shutdown();
    }
}
