package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import io.lettuce.core.SetArgs;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: a stale rebuild gives the lock back, so the next staleness is rebuilt too; values come back as loaded. */
@Task(4)
class HiddenTask4ServeStaleTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static CountingDataSource database;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(5));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
    }

    @Test
    void everyStalePeriodIsRebuiltOnce() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FleetPolicy policy = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5));
        FleetCache cache = new FleetCache(Support.ownConnection(redis), new TopWidgets(database, Duration.ofMillis(20)), policy, clock);
        cache.get(Support.KEY);

        for (int period = 1; period <= 3; period++) {
            clock.advance(Duration.ofSeconds(11));
            database.reset();
            cache.get(Support.KEY);
            assertThat(database.count("pg_sleep")).as("queries for the first read after the value went stale for the %d. time; "
                    + "the lock must be released after each rebuild (it lives 30 s)", period).isEqualTo(1);
        }
    }

    @Test
    void whenEvenTheStaleCopyIsGoneTheKeyIsRebuilt() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FleetPolicy policy = new FleetPolicy(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5));
        FleetCache cache = new FleetCache(Support.ownConnection(redis), new TopWidgets(database, Duration.ofMillis(20)), policy, clock);
        cache.get(Support.KEY);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> redis.commands().exists(Support.KEY) == 0);
        database.reset();

        assertThat(cache.get(Support.KEY)).isEqualTo(Support.FIRST_VALUE);
        assertThat(database.count("pg_sleep")).isEqualTo(1);
    }

    @Test
    void valuesComeBackExactlyAsTheyWereLoaded() throws Exception {
        Map<String, String> loaded = Map.of("widgets:bars", "gear|bolt|nut", "widgets:none", "");
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FleetPolicy policy = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5));
        FleetCache cache = new FleetCache(Support.ownConnection(redis), loaded::get, policy, clock);

        for (Map.Entry<String, String> entry : loaded.entrySet()) {
            String key = entry.getKey();
            assertThat(cache.get(key)).as("%s on a miss", key).isEqualTo(entry.getValue());
            assertThat(cache.get(key)).as("%s from Redis while fresh (loaded as '%s')", key, entry.getValue()).isEqualTo(entry.getValue());
        }
        clock.advance(Duration.ofSeconds(11));
        for (Map.Entry<String, String> entry : loaded.entrySet()) {
            redis.commands().set(RedisLock.keyFor(entry.getKey()), "another-instance", SetArgs.Builder.px(30_000));
            assertThat(cache.get(entry.getKey())).as("%s served stale while another instance rebuilds (loaded as '%s')",
                    entry.getKey(), entry.getValue()).isEqualTo(entry.getValue());
        }
    }
}
