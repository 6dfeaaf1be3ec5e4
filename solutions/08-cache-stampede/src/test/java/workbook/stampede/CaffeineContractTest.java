package workbook.stampede;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caffeine's AsyncLoadingCache, the in-process cache most Java services use, held to the same
 * contract as the lab's SingleFlight (Task 2), on the same slow
 * PostgreSQL query. It shows that the library keeps the promises the lab teaches; each test carries
 * the task whose contract it checks.
 */
class CaffeineContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    static final Duration QUERY_TIME = Duration.ofMillis(300);
    static CountingDataSource database;
    static TopWidgets widgets;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(10));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
        widgets = new TopWidgets(database, QUERY_TIME);
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
}
