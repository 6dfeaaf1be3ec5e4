package workbook.cacheaside;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class HiddenTask6HotKeysTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** The node of a three-node Redis Cluster that serves a key (slots 0-5460, 5461-10922, 10923-16383). */
    private static int node(String key) {
        int slot = SlotHash.getSlot(key);
        return slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2;
    }

    @Test
    void theShardsSpreadOverTheNodesOfACluster() {
        CountingRedis calls = Shop.ownConnection(redis);
        ShardedCounter likes = new ShardedCounter(calls.commands(), "likes:post:42", 8, new Random(11));
        for (int i = 0; i < 2000; i++) {
            likes.increment();
        }
        Map<Integer, Long> perNode = new TreeMap<>();
        calls.perKey().forEach((key, count) -> perNode.merge(node(key), count, Long::sum));
        assertThat(perNode.values().stream().mapToLong(Long::longValue).max().orElse(0))
                .as("increments on the busiest of three cluster nodes (per node: %s)", perNode)
                .isLessThanOrEqualTo(1_300);
        assertThat(likes.total()).isEqualTo(2000);
    }

    @Test
    void shardKeysAreTheNameWithASuffix() {
        ShardedCounter views = new ShardedCounter(redis.commands(), "views:post:7", 3, new Random(1));
        assertThat(views.shardKeys()).containsExactly("views:post:7:0", "views:post:7:1", "views:post:7:2");
        ShardedCounter single = new ShardedCounter(redis.commands(), "views:post:8", 1, new Random(1));
        single.increment();
        assertThat(redis.commands().get("views:post:8:0")).isEqualTo("1");
    }

    @Test
    void aTotalCountsOnlyTheShardsThatExist() {
        ShardedCounter views = new ShardedCounter(redis.commands(), "views:post:9", 16, new Random(3));
        assertThat(views.total()).isZero();
        views.increment();
        views.increment();
        views.increment();
        assertThat(views.total()).isEqualTo(3);
    }

    @Test
    void eachHotKeyHasItsOwnLocalCopyAndAbsentKeysAreCachedToo() {
        redis.commands().set("profile:a", "A");
        MutableClock clock = MutableClock.startingAtEpochMinute();
        CountingRedis calls = Shop.ownConnection(redis);
        LocalHotCache app = new LocalHotCache(calls.commands(), clock, Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            assertThat(app.get("profile:a")).isEqualTo("A");
            assertThat(app.get("profile:none")).isNull();
            clock.advanceMillis(50);
        }
        assertThat(calls.count("GET", "profile:a")).isEqualTo(1);
        assertThat(calls.count("GET", "profile:none")).as("GETs of a key Redis does not have, within one local TTL").isEqualTo(1);
        clock.advanceMillis(500);
        assertThat(app.get("profile:none")).isNull();
        assertThat(calls.count("GET", "profile:none")).isEqualTo(2);
    }
}
