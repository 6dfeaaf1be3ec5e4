package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Hidden: tokens unique per acquisition, a bounded wait, and a lock released when the rebuild fails. */
@Task(3)
class HiddenTask3FleetLockTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** A key of its own: a wrong solution's leftover poller from another test must not hold its lock. */
    static final String LATE_KEY = "widgets:late";
    static CountingDataSource database;
    static TopWidgets widgets;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(10));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
        widgets = new TopWidgets(database, Duration.ofMillis(50));
    }

    @BeforeEach
    void resetCounter() {
        database.reset();
    }

    @Test
    void aLateReleaseByTheSameInstanceDoesNotFreeItsNewerLock() {
        RedisLock lock = new RedisLock(Support.ownConnection(redis));
        String first = lock.tryAcquire(LATE_KEY, Duration.ofMillis(100)).orElseThrow();
        await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists(RedisLock.keyFor(LATE_KEY)) == 0);
        String second = lock.tryAcquire(LATE_KEY, Duration.ofSeconds(5)).orElseThrow();

        assertThat(second).as("token of a second acquisition by the same instance: a token must be unique per "
                + "acquisition, not per instance").isNotEqualTo(first);
        assertThat(lock.release(LATE_KEY, first)).as("late release of the first, expired acquisition").isFalse();
        assertThat(redis.commands().get(RedisLock.keyFor(LATE_KEY))).isEqualTo(second);
    }

    @Test
    void aCallerWithNothingToServeGivesUpAfterMaxWait() throws Exception {
        FleetPolicy policy = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1));
        FleetCache cache = new FleetCache(Support.ownConnection(redis), widgets, policy, Clock.systemUTC());
        // Another instance holds the lock for 30 s and never writes the value.
        redis.commands().set(RedisLock.keyFor(Support.KEY), "someone-else", SetArgs.Builder.px(30_000));

        List<Callers.Outcome<String>> outcome = Callers.start(1, () -> cache.get(Support.KEY)).outcomes(Duration.ofSeconds(4),
                "a caller waited more than 4 s for someone else's rebuild with maxWait = 1 s: waiting must be bounded");
        assertThat(outcome.get(0).error()).as("get after waiting maxWait for a value that never came: it must fail").isNotNull();
        assertThat(database.count("pg_sleep")).as("queries while another instance held the lock").isZero();
    }

    @Test
    void aFailedRebuildReleasesTheLock() throws Exception {
        FleetPolicy policy = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1));
        AtomicInteger calls = new AtomicInteger();
        FleetCache failing = new FleetCache(Support.ownConnection(redis), key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("database is down");
            }
            return widgets.load(key);
        }, policy, Clock.systemUTC());
        FleetCache other = new FleetCache(Support.ownConnection(redis), widgets, policy, Clock.systemUTC());

        assertThatThrownBy(() -> failing.get(Support.KEY)).isInstanceOf(IOException.class);
        assertThat(redis.commands().exists(RedisLock.keyFor(Support.KEY))).as("the lock after its holder's rebuild failed: "
                + "it must be released (in a finally), not left to expire").isZero();
        assertThat(other.get(Support.KEY)).isEqualTo(Support.FIRST_VALUE);
    }
}
