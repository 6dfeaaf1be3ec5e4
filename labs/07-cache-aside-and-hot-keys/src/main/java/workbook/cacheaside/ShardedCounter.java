package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.List;
import java.util.Random;

/**
 * A counter everybody writes. Today it is one key, so one key (and one cluster node) takes every
 * write; Task 6 splits it over {@code shards} keys, {@code name:0} .. {@code name:N-1}, each write
 * going to a shard picked with {@code random}, and adds them up on read.
 */
public class ShardedCounter {
    private final RedisCommands<String, String> redis;
    private final String name;

    public ShardedCounter(RedisCommands<String, String> redis, String name, int shards, Random random) {
        this.redis = redis;
        this.name = name;
    }

    /** The keys this counter writes. */
    public List<String> shardKeys() {
        return List.of(name);
    }

    public void increment() {
        redis.incr(name);
    }

    public long total() {
        String value = redis.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
