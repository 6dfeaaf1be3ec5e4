package workbook.cacheaside;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Two levels: a small in-process LRU map in front of the shared cache-aside in Redis. A save on any
 * instance is announced on a Redis pub/sub channel, and every instance drops its local copy.
 */
public class TwoLevelCache implements AutoCloseable {
    private static final String CHANNEL = "product-invalidations";

    private final CacheAside shared;
    private final Map<Long, Product> local;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;

    public TwoLevelCache(CacheAside shared, RedisClient client, int maxLocalEntries) {
        this.shared = shared;
        // Access order: a read moves an entry to the young end, so the eldest is the least recently used.
        this.local = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Product> eldest) {
                return size() > maxLocalEntries;
            }
        });
        this.publisher = client.connect();
        // A connection that subscribes can do nothing else, hence a second one.
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String id) {
                local.remove(Long.parseLong(id));
            }
        });
        subscriber.sync().subscribe(CHANNEL);
    }

    public Optional<Product> get(long id) throws SQLException {
        Product hit = local.get(id);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<Product> loaded = shared.get(id);
        loaded.ifPresent(product -> local.put(id, product));
        return loaded;
    }

    public void save(Product product) throws SQLException {
        shared.save(product);
        // Our own copy goes now, not when our own message comes back: read-your-writes on this instance.
        local.remove(product.id());
        publisher.sync().publish(CHANNEL, String.valueOf(product.id()));
    }

    @Override
    public void close() {
        subscriber.close();
        publisher.close();
    }
}
