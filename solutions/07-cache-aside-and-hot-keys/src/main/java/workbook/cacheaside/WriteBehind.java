package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write-behind: a save writes the cache at once and queues the row in this process's memory; the
 * queue goes to the database in one batch at most every {@code flushEvery}. Fewer statements, and
 * whatever is still queued when the process dies is lost.
 */
public class WriteBehind {
    private final ProductStore store;
    private final RedisCommands<String, String> redis;
    private final Duration ttl;
    private final Clock clock;
    private final Duration flushEvery;
    /** Unflushed rows by id: a later save of the same product replaces the earlier one. */
    private final Map<Long, Product> pending = new LinkedHashMap<>();
    private Instant nextFlush;

    public WriteBehind(ProductStore store, RedisCommands<String, String> redis, Duration ttl, Clock clock, Duration flushEvery) {
        this.store = store;
        this.redis = redis;
        this.ttl = ttl;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.nextFlush = clock.instant().plus(flushEvery);
    }

    public synchronized void save(Product product) throws SQLException {
        redis.psetex(Product.cacheKey(product.id()), ttl.toMillis(), product.toJson());
        pending.put(product.id(), product);
        if (!clock.instant().isBefore(nextFlush)) {
            flush();
        }
    }

    /** Writes every queued row in one batch. If the database refuses, the rows stay queued for the next flush. */
    public synchronized void flush() throws SQLException {
        store.saveAll(List.copyOf(pending.values()));
        pending.clear();
        nextFlush = clock.instant().plus(flushEvery);
    }

    /** How many rows are queued and not yet in the database: what a crash now would lose. */
    public synchronized int pending() {
        return pending.size();
    }
}
