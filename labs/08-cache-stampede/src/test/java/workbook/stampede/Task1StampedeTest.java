package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static workbook.stampede.Support.FIRST_VALUE;
import static workbook.stampede.Support.KEY;
import static workbook.stampede.Support.QUERY_TIME;

/** The story: a hot key with a 10 s TTL, a slow query behind it, and 200 requests when it expires. */
@Task(1)
class Task1StampedeTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration TTL = Duration.ofSeconds(10);
    static final int REQUESTS = 200;

    static CountingDataSource database;

    @BeforeAll
    static void createTable() throws Exception {
        // 50 connections, so the starter's 200 queries run in four waves rather than twenty.
        HikariDataSource pool = db.newPool(config -> {
            config.setMaximumPoolSize(50);
            config.setMinimumIdle(50);
        });
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
    }

    @BeforeEach
    void resetCounter() {
        database.reset();
    }

    @Test
    void twoHundredRequestsAtExpiryRunOneQuery() throws Exception {
        CacheAside cache = new CacheAside(Support.ownConnection(redis), new TopWidgets(database, QUERY_TIME), TTL);
        assertThat(cache.get(KEY)).isEqualTo(FIRST_VALUE);
        RedisCommands<String, String> inspect = redis.commands();
        assertThat(inspect.pttl(KEY)).as("TTL of the hot key after it was loaded, in ms").isBetween(1L, TTL.toMillis());

        expireNow(inspect);
        database.reset();
        List<String> values = Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> cache.get(KEY)));

        assertThat(values).as("what the %d callers got", REQUESTS).containsOnly(FIRST_VALUE);
        int queries = database.count("pg_sleep");
        assertThat(queries)
                .as("%d concurrent requests right after the hot key expired ran %d identical %d ms queries at the database; "
                        + "expected 1. Every caller that missed ran the query itself, because nobody had written the value back yet: "
                        + "that is a cache stampede. Make concurrent misses for one key share one load (see Task 2's SingleFlight)",
                        REQUESTS, queries, QUERY_TIME.toMillis())
                .isEqualTo(1);
    }

    @Test
    void afterTheRebuildRequestsAreCacheHits() throws Exception {
        CacheAside cache = new CacheAside(Support.ownConnection(redis), new TopWidgets(database, QUERY_TIME), TTL);
        cache.get(KEY);
        expireNow(redis.commands());
        database.reset();
        Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> cache.get(KEY)));
        database.reset();

        Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> cache.get(KEY)));

        assertThat(database.count("pg_sleep"))
                .as("queries for %d requests once the key was rebuilt: they should all be cache hits", REQUESTS)
                .isZero();
        assertThat(redis.commands().pttl(KEY)).as("the rebuilt key must have a TTL again, in ms").isBetween(1L, TTL.toMillis());
    }

    /** Stands for "10 seconds later": the key is given a 1 ms TTL, and Redis itself expires it. */
    private static void expireNow(RedisCommands<String, String> inspect) {
        inspect.pexpire(KEY, 1);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> inspect.exists(KEY) == 0);
    }
}
