package workbook.cacheaside;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A counter everybody writes, split over {@code shards} keys ({@code name:0} .. {@code name:N-1}) so
 * that no single key, and no single cluster node, takes every write. Reads add the shards up.
 */
public class ShardedCounter {
    private final RedisCommands<String, String> redis;
    private final String name;
    private final int shards;
    private final Random random;

    public ShardedCounter(RedisCommands<String, String> redis, String name, int shards, Random random) {
        this.redis = redis;
        this.name = name;
        this.shards = shards;
        this.random = random;
    }

    /** The keys this counter writes. No {hash tag}: the shards must be free to land on different nodes. */
    public List<String> shardKeys() {
        return IntStream.range(0, shards).mapToObj(shard -> name + ":" + shard).toList();
    }

    public void increment() {
        // INCR is atomic in Redis: concurrent writers never lose an increment, whichever shard they pick.
        redis.incr(name + ":" + random.nextInt(shards));
    }

    public long total() {
        return redis.mget(shardKeys().toArray(String[]::new)).stream()
                .filter(KeyValue::hasValue)
                .mapToLong(shard -> Long.parseLong(shard.getValue()))
                .sum();
    }
}
