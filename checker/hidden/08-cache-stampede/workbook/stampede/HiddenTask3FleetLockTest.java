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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Hidden: tokens unique per acquisition, a bounded wait, a lock released when the rebuild fails, a lock
 * per key, a second look after winning the lock, a polite wait, and a release with no gap.
 */
@Task(3)
class HiddenTask3FleetLockTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** A key of its own: a wrong solution's leftover poller from another test must not hold its lock. */
    static final String LATE_KEY = "widgets:late";
    /** The lock outlives every rebuild here; a caller with nothing to serve waits up to 5 s. */
    static final FleetPolicy POLICY = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5));
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

    @Test
    void twoColdKeysAreRebuiltAtTheSameTime() throws Exception {
        CountDownLatch bothLoading = new CountDownLatch(2);
        Map<String, Boolean> sawTheOther = new ConcurrentHashMap<>();
        Loader meetsTheOther = key -> {
            bothLoading.countDown();
            sawTheOther.put(key, bothLoading.await(2, TimeUnit.SECONDS));
            return widgets.load(key);
        };
        FleetCache cache = new FleetCache(Support.ownConnection(redis), meetsTheOther, POLICY, Clock.systemUTC());

        Callers<String> callers = Callers.start(2, () -> cache.get(Thread.currentThread().getName().endsWith("0")
                ? "widgets:top" : "widgets:new"));
        List<Callers.Outcome<String>> outcomes = callers.outcomes(Duration.ofSeconds(8));

        assertThat(outcomes.get(0).value()).as("value of widgets:top").isEqualTo("widgets:top=gear,bolt,nut");
        assertThat(outcomes.get(1).value()).as("value of widgets:new").isEqualTo("widgets:new=gear,bolt,nut");
        assertThat(sawTheOther).as("for each key, whether its rebuild ran while the other key's did (two cold keys asked "
                + "for at once on one instance): one lock shared by every key, in Redis or in Java, makes every rebuild "
                + "wait for every other; lock each key on its own")
                .containsEntry("widgets:top", true).containsEntry("widgets:new", true);
    }

    @Test
    void aCallerThatWinsTheLockJustAfterARebuildServesThatValue() throws Exception {
        WatchedCommands lateConnection = new WatchedCommands(Support.ownConnection(redis)).holdBeforeFirstWrite();
        FleetCache late = new FleetCache(lateConnection.commands(), widgets, POLICY, Clock.systemUTC());
        FleetCache other = new FleetCache(Support.ownConnection(redis), widgets, POLICY, Clock.systemUTC());

        // The late instance found no value and is about to take the lock; meanwhile another instance rebuilds.
        Callers<String> lateCaller = Callers.start(1, () -> late.get(Support.KEY));
        try {
            assertThat(lateConnection.awaitHeld()).as("the instance sent a command that takes the lock or writes").isTrue();
            assertThat(other.get(Support.KEY)).isEqualTo(Support.FIRST_VALUE);
        } finally {
            lateConnection.letGo();
        }
        List<Callers.Outcome<String>> outcome = lateCaller.outcomes(Duration.ofSeconds(6));

        assertThat(outcome.get(0).value()).as("value for the caller that won the lock after the rebuild").isEqualTo(Support.FIRST_VALUE);
        assertThat(database.count("pg_sleep")).as("queries: a caller that wins the lock just after another instance rebuilt "
                + "the key must look at Redis once more and serve that value, not run the query again").isEqualTo(1);
    }

    @Test
    void aWaitingCallerLooksAgainWithAPause() throws Exception {
        CountDownLatch holderLoading = new CountDownLatch(1);
        CountDownLatch finishHolder = new CountDownLatch(1);
        FleetCache holder = new FleetCache(Support.ownConnection(redis), key -> {
            holderLoading.countDown();
            finishHolder.await(5, TimeUnit.SECONDS);
            return widgets.load(key);
        }, POLICY, Clock.systemUTC());
        WatchedCommands waiterConnection = new WatchedCommands(Support.ownConnection(redis));
        FleetCache waiter = new FleetCache(waiterConnection.commands(), widgets, POLICY, Clock.systemUTC());

        Callers<String> holding = Callers.start(1, () -> holder.get(Support.KEY));
        Callers<String> waiting;
        long waitStarted;
        try {
            assertThat(holderLoading.await(5, TimeUnit.SECONDS)).as("the first instance started its rebuild").isTrue();
            waitStarted = System.nanoTime();
            waiting = Callers.start(1, () -> waiter.get(Support.KEY));
            Thread.sleep(500); // the other instance's rebuild takes this long
        } finally {
            finishHolder.countDown();
        }
        assertThat(holding.outcomes(Duration.ofSeconds(5)).get(0).value()).isEqualTo(Support.FIRST_VALUE);
        assertThat(waiting.outcomes(Duration.ofSeconds(5)).get(0).value()).isEqualTo(Support.FIRST_VALUE);
        long waitedMillis = (System.nanoTime() - waitStarted) / 1_000_000;

        // Looking every 10 ms costs at most 2 commands (a read, a lock attempt) per 10 ms: 200 a second.
        long allowed = 10 + waitedMillis * 400 / 1000;
        assertThat(waiterConnection.count()).as("Redis commands sent by a caller that waited %d ms for another instance's "
                + "rebuild (allowed: %d, twice what looking every 10 ms costs): a tight loop sends thousands and loads Redis "
                + "for nothing; pause between looks", waitedMillis, allowed).isLessThanOrEqualTo((int) allowed);
    }

    @Test
    void aReleaseLeavesNoGapForTheNextHoldersLock() {
        RedisLock next = new RedisLock(Support.ownConnection(redis));
        AtomicBoolean releasing = new AtomicBoolean();
        AtomicReference<String> nextToken = new AtomicReference<>();
        RedisLock slow = new RedisLock(Support.ownConnection(redis), name -> {
            if (releasing.get() && nextToken.get() == null) {
                // The slow holder stalls here: its lock expires, and another instance takes it.
                redis.commands().del(RedisLock.keyFor(name));
                nextToken.set(next.tryAcquire(name, Duration.ofSeconds(5)).orElseThrow());
            }
        });
        String token = slow.tryAcquire(LATE_KEY, Duration.ofSeconds(5)).orElseThrow();

        releasing.set(true);
        boolean released = slow.release(LATE_KEY, token);

        String lockNow = redis.commands().get(RedisLock.keyFor(LATE_KEY));
        if (nextToken.get() == null) {
            assertThat(released).as("release by the holder").isTrue();
            assertThat(lockNow).as("the lock after its holder released it").isNull();
        } else {
            assertThat(lockNow).as("the lock after the old holder's release, which stalled between its commands while the "
                    + "lock expired and went to another instance: compare and delete must be one step (a Lua script)")
                    .isEqualTo(nextToken.get());
        }
    }
}
