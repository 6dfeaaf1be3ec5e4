package workbook.cacheaside;

import io.lettuce.core.RedisClient;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Two levels: a small in-process LRU map of at most {@code maxLocalEntries} products in front of
 * the shared cache-aside in Redis. A save on any instance must make every instance drop its local
 * copy. Today there is no local level: every read is a Redis round trip.
 */
public class TwoLevelCache implements AutoCloseable {
    private final CacheAside shared;

    public TwoLevelCache(CacheAside shared, RedisClient client, int maxLocalEntries) {
        this.shared = shared;
    }

    public Optional<Product> get(long id) throws SQLException {
        // Task 5: look in this process first.
        return shared.get(id);
    }

    public void save(Product product) throws SQLException {
        // Task 5: and tell the other instances.
        shared.save(product);
    }

    /** Closes the connections this instance opened. */
    @Override
    public void close() {
    }
}
