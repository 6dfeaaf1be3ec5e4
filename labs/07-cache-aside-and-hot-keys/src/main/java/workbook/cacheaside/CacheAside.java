package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Products for one app instance. Today every read runs the 200 ms query (Task 1 puts Redis in
 * front of it); absent ids reach the database every time (Task 2); and once values are cached, a
 * save must not leave an old price behind, even when a slow reader races it (Task 3).
 * <p>
 * {@code steps} must be called at the two points its methods name: {@code afterDatabaseRead} in
 * {@link #get} after a miss read the database and before the cache is written,
 * {@code afterDatabaseWrite} in {@link #save} after the row is saved and before the cache is
 * invalidated. Tests use it to crash an instance, or run another one, at exactly that point.
 */
public class CacheAside {
    private final ProductStore store;

    public CacheAside(ProductStore store, RedisCommands<String, String> redis, CachePolicy policy, BetweenSteps steps) {
        this.store = store;
    }

    /** The product with this id, from Redis when it is cached there, otherwise from the database. */
    public Optional<Product> get(long id) throws SQLException {
        // Task 1: this is the "before" of the story: 200 ms on every call.
        return store.find(id);
    }

    /** Saves the product (insert or update), then invalidates its cached copy, sentinel included. */
    public void save(Product product) throws SQLException {
        store.save(product);
    }
}
