package workbook.cacheaside;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Cache-aside for products in one app instance: Redis in front of the slow query, absent products
 * cached as a sentinel, writes that invalidate, and a lease that stops a slow reader from putting
 * an old value back after a writer invalidated it.
 */
public class CacheAside {
    /** What Redis holds for an id with no row. Not JSON, so it can never be read as a product. */
    private static final String NOT_FOUND = "not-found";

    /** Fills the key only if this reader's lease is still there: a writer's DEL removes it. */
    private static final String FILL_IF_LEASE_HELD = """
            if redis.call('get', KEYS[2]) ~= ARGV[1] then return 0 end
            redis.call('set', KEYS[1], ARGV[2], 'px', ARGV[3])
            redis.call('del', KEYS[2])
            return 1
            """;

    private final ProductStore store;
    private final RedisCommands<String, String> redis;
    private final CachePolicy policy;
    private final BetweenSteps steps;

    public CacheAside(ProductStore store, RedisCommands<String, String> redis, CachePolicy policy, BetweenSteps steps) {
        this.store = store;
        this.redis = redis;
        this.policy = policy;
        this.steps = steps;
    }

    /** The product with this id, from Redis when it is cached there, otherwise from the database. */
    public Optional<Product> get(long id) throws SQLException {
        String key = Product.cacheKey(id);
        String cached = redis.get(key);
        if (cached != null) {
            return cached.equals(NOT_FOUND) ? Optional.empty() : Optional.of(Product.fromJson(cached));
        }
        // Claim the key before reading the database. Only the holder of the claim may fill the key, and
        // a writer's invalidation deletes the claim: what this reader read may be older than that write.
        String token = UUID.randomUUID().toString();
        boolean leased = "OK".equals(redis.set(leaseKey(id), token, SetArgs.Builder.nx().px(policy.leaseTtl().toMillis())));
        Optional<Product> row = store.find(id);
        steps.afterDatabaseRead(id);
        if (leased) {
            String value = row.map(Product::toJson).orElse(NOT_FOUND);
            Duration ttl = row.isPresent() ? policy.ttl() : policy.negativeTtl();
            redis.eval(FILL_IF_LEASE_HELD, ScriptOutputType.INTEGER, new String[]{key, leaseKey(id)},
                    token, value, String.valueOf(ttl.toMillis()));
        }
        return row;
    }

    /** Saves the product (insert or update), then invalidates its cached copy, sentinel included. */
    public void save(Product product) throws SQLException {
        store.save(product);
        steps.afterDatabaseWrite(product.id());
        // One DEL for both keys: the cached copy goes, and so does any reader's claim to refill it.
        redis.del(Product.cacheKey(product.id()), leaseKey(product.id()));
    }

    private static String leaseKey(long id) {
        return "lease:" + Product.cacheKey(id);
    }
}
