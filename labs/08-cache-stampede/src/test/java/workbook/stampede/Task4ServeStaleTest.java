package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.stampede.Support.FIRST_VALUE;
import static workbook.stampede.Support.KEY;

/** A key that has gone stale (not yet gone) on a fleet of five instances: one rebuilds, the rest serve the old copy. */
@Task(4)
class Task4ServeStaleTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final int INSTANCES = 5;
    static final int REQUESTS = 50;
    static final FleetPolicy POLICY = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(5));
    static final String NEW_VALUE = "widgets:top=nut,gear,bolt";

    static CountingDataSource database;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(10));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
    }

    @BeforeEach
    void resetData() throws Exception {
        db.jdbc().update("update widgets set sales = 10 where name = 'nut'");
        database.reset();
    }

    @Test
    void callersThatDoNotWinTheLockGetThePreviousValueAtOnce() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        List<FleetCache> fleet = fleet(clock, Support.SLOW_QUERY_TIME);
        assertThat(fleet.get(0).get(KEY)).isEqualTo(FIRST_VALUE);
        db.jdbc().update("update widgets set sales = 40 where name = 'nut'"); // the next query returns NEW_VALUE
        clock.advance(POLICY.freshFor().plusSeconds(1));                       // the cached value is now stale
        database.reset();

        List<Concurrently.Outcome<String>> outcomes = Support.concurrently(REQUESTS, caller -> fleet.get(caller % INSTANCES).get(KEY));
        Support.valuesOrFail(outcomes);

        assertThat(database.count("pg_sleep")).as("queries for %d requests on %d instances once the key went stale: "
                + "one caller in the fleet rebuilds it", REQUESTS, INSTANCES).isEqualTo(1);
        List<Long> staleNanos = outcomes.stream().filter(o -> o.value().equals(FIRST_VALUE)).map(Concurrently.Outcome::nanos).toList();
        List<Long> freshNanos = outcomes.stream().filter(o -> o.value().equals(NEW_VALUE)).map(Concurrently.Outcome::nanos).toList();
        assertThat(freshNanos).as("callers that got the rebuilt value (at least the one that rebuilt it)").isNotEmpty();
        assertThat(staleNanos.size()).as("callers of %d that were served the stale value while one rebuilt it; "
                + "the others must not wait for the rebuild", REQUESTS).isGreaterThanOrEqualTo(REQUESTS / 2);
        double rebuilderMillis = freshNanos.stream().mapToLong(Long::longValue).max().orElseThrow() / 1e6;
        double staleMillis = Support.medianMillis(staleNanos);
        assertThat(staleMillis / rebuilderMillis).as("median latency of callers served stale (%.1f ms) / latency of the "
                        + "caller that rebuilt (%.1f ms, a %d ms query): a stale copy is served at the speed of a cache hit",
                staleMillis, rebuilderMillis, Support.SLOW_QUERY_TIME.toMillis()).isLessThan(1.0 / 3);

        database.reset();
        List<String> after = Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> fleet.get(caller % INSTANCES).get(KEY)));
        assertThat(after).as("values once the rebuild is done").containsOnly(NEW_VALUE);
        assertThat(database.count("pg_sleep")).as("queries once the rebuild is done: the new value is fresh").isZero();
    }

    @Test
    void aCallerThatLosesTheLockGetsTheStaleValueItself() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        FleetCache cache = fleet(clock, Support.QUERY_TIME).get(0);
        cache.get(KEY);
        clock.advance(POLICY.freshFor().plusSeconds(1));
        // Another instance is rebuilding the key: it holds the lock.
        redis.commands().set(RedisLock.keyFor(KEY), "another-instance", SetArgs.Builder.px(30_000));
        database.reset();

        String served = cache.get(KEY);

        assertThat(served).as("what a caller got for a stale key whose lock another instance holds: the stale value, as "
                + "it was cached (not the stored entry, not an empty string)").isEqualTo(FIRST_VALUE);
        assertThat(database.count("pg_sleep")).as("queries by a caller that lost the lock").isZero();
    }

    @Test
    void theStaleCopyOutlivesItsFreshness() throws Exception {
        FleetCache cache = fleet(MutableClock.startingAtEpochMinute(), Support.QUERY_TIME).get(0);
        cache.get(KEY);

        long keptMillis = redis.commands().pttl(KEY);
        assertThat(keptMillis).as("TTL of the value in Redis, in ms: it must outlive its %d ms of freshness by up to %d ms, "
                        + "or there is nothing stale to serve while it is rebuilt", POLICY.freshFor().toMillis(), POLICY.staleFor().toMillis())
                .isGreaterThan(POLICY.freshFor().toMillis())
                .isLessThanOrEqualTo(POLICY.freshFor().plus(POLICY.staleFor()).toMillis());
    }

    @Test
    void aFreshValueIsServedWithoutAQuery() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        List<FleetCache> fleet = fleet(clock, Support.QUERY_TIME);
        fleet.get(0).get(KEY);
        clock.advance(POLICY.freshFor().minusSeconds(1));
        database.reset();

        List<String> values = Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> fleet.get(caller % INSTANCES).get(KEY)));

        assertThat(values).containsOnly(FIRST_VALUE);
        assertThat(database.count("pg_sleep")).as("queries while the value is still fresh (1 s before the end of its "
                + "%d s)", POLICY.freshFor().toSeconds()).isZero();
    }

    private static List<FleetCache> fleet(MutableClock clock, Duration queryTime) {
        TopWidgets widgets = new TopWidgets(database, queryTime);
        return IntStream.range(0, INSTANCES).mapToObj(i -> new FleetCache(Support.ownConnection(redis), widgets, POLICY, clock)).toList();
    }
}
