package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static workbook.stampede.Support.FIRST_VALUE;
import static workbook.stampede.Support.KEY;
import static workbook.stampede.Support.QUERY_TIME;

/** Five app instances, each with its own single-flight and its own Redis connection, one Redis and one database. */
@Task(3)
class Task3FleetLockTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int INSTANCES = 5;
    static final int REQUESTS = 50;
    /** The lock outlives any rebuild here, even on a busy machine (a shorter one would let a second rebuilder in). */
    static final FleetPolicy POLICY = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(8));
    /** For the holder that dies: a short lock, so the test does not wait long for it to expire. */
    static final FleetPolicy SHORT_LOCK = new FleetPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMillis(500), Duration.ofSeconds(5));

    static CountingDataSource database;
    static TopWidgets widgets;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(20));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
        widgets = new TopWidgets(database, QUERY_TIME);
    }

    @BeforeEach
    void resetCounter() {
        database.reset();
    }

    @Test
    void singleFlightAloneStillRunsOneQueryPerInstance() {
        // The slower query: the instances' misses must overlap, even when a busy machine starts the callers late.
        TopWidgets slowWidgets = new TopWidgets(database, Support.SLOW_QUERY_TIME);
        List<CacheAside> fleet = IntStream.range(0, INSTANCES)
                .mapToObj(i -> new CacheAside(Support.ownConnection(redis), slowWidgets, Duration.ofSeconds(10))).toList();

        Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> fleet.get(caller % INSTANCES).get(KEY)));

        int queries = database.count("pg_sleep");
        assertThat(queries).as("%d requests spread over %d instances of CacheAside (Task 1) ran %d queries; single-flight "
                        + "only coalesces inside one process, so expect more than 1 and at most one per instance",
                REQUESTS, INSTANCES, queries).isBetween(2, INSTANCES);
    }

    @Test
    void aRedisLockLetsOneInstanceInTheFleetRunTheQuery() {
        List<FleetCache> fleet = IntStream.range(0, INSTANCES)
                .mapToObj(i -> new FleetCache(Support.ownConnection(redis), widgets, POLICY, Clock.systemUTC())).toList();

        List<String> values = Support.valuesOrFail(Support.concurrently(REQUESTS, caller -> fleet.get(caller % INSTANCES).get(KEY)));

        assertThat(values).as("what the %d callers got", REQUESTS).containsOnly(FIRST_VALUE);
        int queries = database.count("pg_sleep");
        assertThat(queries).as("%d requests for a cold key over %d instances ran %d queries; expected 1: the instance that "
                        + "wins SET lock:<key> <token> NX PX rebuilds, the others wait for its value",
                REQUESTS, INSTANCES, queries).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerReleasesTheLock() {
        RedisLock first = new RedisLock(Support.ownConnection(redis));
        RedisLock second = new RedisLock(Support.ownConnection(redis));
        RedisCommands<String, String> inspect = redis.commands();

        String firstToken = first.tryAcquire(KEY, Duration.ofMillis(200)).orElseThrow(
                () -> new AssertionError("tryAcquire on a free lock returned empty"));
        assertThat(second.tryAcquire(KEY, Duration.ofSeconds(5))).as("tryAcquire while another instance holds the lock").isEmpty();
        assertThat(inspect.pttl(RedisLock.keyFor(KEY))).as("TTL of %s in ms: a lock without an expiry is held forever "
                + "by a holder that dies", RedisLock.keyFor(KEY)).isBetween(1L, 200L);

        // The first holder is slow: its lock expires, and the second instance takes it.
        await().atMost(Duration.ofSeconds(2)).until(() -> inspect.exists(RedisLock.keyFor(KEY)) == 0);
        String secondToken = second.tryAcquire(KEY, Duration.ofSeconds(5)).orElseThrow(
                () -> new AssertionError("tryAcquire after the lock expired returned empty"));
        assertThat(secondToken).as("tokens of two acquisitions").isNotEqualTo(firstToken);

        assertThat(first.release(KEY, firstToken)).as("release by the first holder, whose lock expired").isFalse();
        assertThat(inspect.get(RedisLock.keyFor(KEY))).as("the lock after the first holder's late release: it belongs to the "
                + "second holder now, and must survive (compare the token and delete in one Lua script)").isEqualTo(secondToken);
        assertThat(second.release(KEY, secondToken)).as("release by the current holder").isTrue();
        assertThat(inspect.exists(RedisLock.keyFor(KEY))).as("the lock after its holder released it").isZero();
    }

    @Test
    void eachNameIsALockOfItsOwn() {
        RedisLock lock = new RedisLock(Support.ownConnection(redis));
        RedisCommands<String, String> inspect = redis.commands();

        assertThat(lock.tryAcquire(KEY, Duration.ofSeconds(5))).as("tryAcquire(\"%s\") on a free lock", KEY).isPresent();
        assertThat(lock.tryAcquire("widgets:new", Duration.ofSeconds(5))).as("tryAcquire(\"widgets:new\") while only %s is "
                + "held: one lock shared by every key makes each key's rebuild wait for every other key's", KEY).isPresent();
        assertThat(inspect.exists(RedisLock.keyFor(KEY), RedisLock.keyFor("widgets:new"))).as("Redis keys %s and %s: a lock "
                + "called <name> lives under RedisLock.keyFor(name)", RedisLock.keyFor(KEY), RedisLock.keyFor("widgets:new")).isEqualTo(2);
    }

    @Test
    void aHolderThatDiesBetweenTwoCommandsOfTryAcquireLeavesNoEternalLock() {
        RedisLock dying = new RedisLock(Support.ownConnection(redis), name -> {
            throw new IllegalStateException("the process dies here, between two commands of one lock operation");
        });
        RedisCommands<String, String> inspect = redis.commands();

        try {
            dying.tryAcquire(KEY, Duration.ofSeconds(5));
        } catch (IllegalStateException diedMidway) {
            // what a crash between the commands looks like; the lock must be fine anyway
        }

        String lockKey = RedisLock.keyFor(KEY);
        long ttl = inspect.pttl(lockKey);
        assertThat(ttl).as("TTL of %s in ms (-2: no lock, -1: a lock with no expiry) after its taker died between two "
                + "of its Redis commands (BetweenCommands). A lock without an expiry is held forever by a holder that died: "
                + "take it with one command, SET <key> <token> NX PX <ttl>, so it never exists without its TTL", lockKey)
                .isNotEqualTo(-1L);
    }

    @Test
    void aHolderThatDiesMidRebuildDoesNotWedgeTheKey() throws Exception {
        Toxi.Proxied toRedis = toxi.redis(redis);
        RedisClient dyingClient = redis.newClient(redis.uri(toRedis));
        dyingClient.setOptions(ClientOptions.builder().autoReconnect(false).build()); // a dead instance does not come back
        StatefulRedisConnection<String, String> dyingConnection = dyingClient.connect();
        CountDownLatch rebuilding = new CountDownLatch(1);
        CountDownLatch connectionCut = new CountDownLatch(1);
        FleetCache dying = new FleetCache(dyingConnection.sync(), key -> {
            rebuilding.countDown();
            connectionCut.await();
            return widgets.load(key);
        }, SHORT_LOCK, Clock.systemUTC());
        FleetCache survivor = new FleetCache(Support.ownConnection(redis), widgets, SHORT_LOCK, Clock.systemUTC());

        Callers<String> dyingCaller = Callers.start(1, () -> dying.get(KEY));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> rebuilding.getCount() == 0 || dyingCaller.allFinished());
        if (rebuilding.getCount() != 0) {
            dyingCaller.outcomes(Duration.ofSeconds(5)); // reports the starter's "not done yet"
        }
        assertThat(redis.commands().exists(RedisLock.keyFor(KEY))).as("the rebuilding instance must hold %s", RedisLock.keyFor(KEY)).isOne();
        toRedis.disable();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> !dyingConnection.isOpen());
        connectionCut.countDown();
        assertThat(dyingCaller.outcomes(Duration.ofSeconds(5)).get(0).error())
                .as("the instance whose Redis connection was cut cannot write its value").isNotNull();

        List<Callers.Outcome<String>> rescued = Callers.start(1, () -> survivor.get(KEY)).outcomes(Duration.ofSeconds(8),
                "another instance was still waiting 8 s after the lock holder died: the key is wedged; "
                        + "the lock must expire by itself (PX) so someone else can rebuild");
        assertThat(rescued.get(0).error()).as("another instance asking for the key after the lock holder died "
                + "(the lock lives %d ms)", SHORT_LOCK.lockTtl().toMillis()).isNull();
        assertThat(rescued.get(0).value()).isEqualTo(FIRST_VALUE);
        assertThat(database.count("pg_sleep")).as("queries: the dead holder's, then the survivor's").isEqualTo(2);
    }
}
