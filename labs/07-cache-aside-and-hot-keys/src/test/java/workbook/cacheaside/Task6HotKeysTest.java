package workbook.cacheaside;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source 000's hot keys: a celebrity's profile read by all traffic, and a counter written by all
 * traffic. Load is counted per key, as Redis's own per-key statistics would show it.
 */
@Task(6)
class Task6HotKeysTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final String HOT_KEY = "profile:celebrity";
    static final int INSTANCES = 5;
    static final int READS_PER_SECOND = 200;

    @Test
    void aOneSecondLocalCacheCapsTheHotKeyAtOneGetPerInstancePerSecond() {
        redis.commands().set(HOT_KEY, "followers=1000000");
        MutableClock clock = MutableClock.startingAtEpochMinute();
        Instant start = clock.instant();
        List<CountingRedis> connections = new ArrayList<>();
        List<LocalHotCache> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            connections.add(Shop.ownConnection(redis));
            instances.add(new LocalHotCache(connections.get(i).commands(), clock, Duration.ofSeconds(1)));
        }

        int total = 0;
        for (int second = 1; second <= 10; second++) {
            for (int read = 0; read < READS_PER_SECOND; read++) {
                clock.advanceMillis(1_000 / READS_PER_SECOND);
                assertThat(instances.get(read % INSTANCES).get(HOT_KEY)).isEqualTo("followers=1000000");
            }
            int sent = connections.stream().mapToInt(c -> c.forKey(HOT_KEY)).sum() - total;
            total += sent;
            assertThat(sent)
                    .as("Redis commands for the hot key %s in second %d of %d reads per second spread over %d instances; "
                            + "expected at most one per instance (%d): without a local cache every read goes to the one "
                            + "Redis node that holds the key", HOT_KEY, second, READS_PER_SECOND, INSTANCES, INSTANCES)
                    .isLessThanOrEqualTo(INSTANCES);
        }
        assertThat(total).as("Redis commands for the hot key in 10 s (2000 reads); at least one per instance per second, "
                + "or the value is never refreshed").isBetween(9 * INSTANCES, 10 * INSTANCES);
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(10));
    }

    @Test
    void theLocalCopyIsAtMostTheLocalTtlOld() {
        redis.commands().set(HOT_KEY, "followers=1000000");
        MutableClock clock = MutableClock.startingAtEpochMinute();
        LocalHotCache app = new LocalHotCache(Shop.ownConnection(redis).commands(), clock, Duration.ofMillis(1_500));
        assertThat(app.get(HOT_KEY)).isEqualTo("followers=1000000");
        redis.commands().set(HOT_KEY, "followers=1000001");
        clock.advanceMillis(1_499);
        assertThat(app.get(HOT_KEY)).as("the hot key 1499 ms after it was read, with a 1500 ms local TTL: the local copy")
                .isEqualTo("followers=1000000");
        clock.advanceMillis(1);
        assertThat(app.get(HOT_KEY)).as("the hot key 1500 ms after it was read, with a 1500 ms local TTL: the local copy "
                + "has expired, so the new value from Redis").isEqualTo("followers=1000001");
    }

    @Test
    void aHotCounterSplitOverEightKeysStaysExact() {
        CountingRedis calls = Shop.ownConnection(redis);
        ShardedCounter likes = new ShardedCounter(calls.commands(), "likes:post:42", 8, new Random(7));
        List<Concurrently.Outcome<Object>> outcomes = Concurrently.run(8, caller -> {
            for (int i = 0; i < 250; i++) {
                likes.increment();
            }
            return null;
        });
        for (Concurrently.Outcome<Object> outcome : outcomes) {
            if (outcome.error() instanceof RuntimeException e) {
                throw e;
            }
            assertThat(outcome.error()).as("what writer %d threw", outcome.caller()).isNull();
        }

        Map<String, Long> perKey = calls.perKey();
        long hottest = perKey.values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(hottest)
                .as("commands on the hottest key after 2000 increments by 8 concurrent writers (per key: %s); expected "
                        + "about 2000 / 8 = 250 each, at most 400: one key takes every write until the counter is split "
                        + "over suffixed keys", perKey)
                .isLessThanOrEqualTo(400);
        assertThat(likes.shardKeys()).as("the shard keys").hasSize(8).doesNotHaveDuplicates();
        assertThat(perKey.keySet()).as("keys the increments wrote").containsExactlyInAnyOrderElementsOf(likes.shardKeys());
        assertThat(likes.total()).as("the total after 2000 concurrent increments: exact, or writes were lost").isEqualTo(2000);
    }
}
