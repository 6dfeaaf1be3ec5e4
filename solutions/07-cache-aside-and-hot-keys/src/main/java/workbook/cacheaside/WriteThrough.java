package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.time.Duration;

/** Write-through: every save writes the database and then the cache, before it returns. */
public class WriteThrough {
    private final ProductStore store;
    private final RedisCommands<String, String> redis;
    private final Duration ttl;

    public WriteThrough(ProductStore store, RedisCommands<String, String> redis, Duration ttl) {
        this.store = store;
        this.redis = redis;
        this.ttl = ttl;
    }

    public void save(Product product) throws SQLException {
        // The database first: if it refuses the write, the cache must not show a value that was never stored.
        store.save(product);
        redis.psetex(Product.cacheKey(product.id()), ttl.toMillis(), product.toJson());
    }
}
