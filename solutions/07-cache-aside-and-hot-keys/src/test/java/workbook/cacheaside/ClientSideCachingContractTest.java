package workbook.cacheaside;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static workbook.cacheaside.Shop.product;

/**
 * Task 5's contract, met by production parts instead of TwoLevelCache: Caffeine as the bounded
 * local level, and Redis 6 client-side caching (CLIENT TRACKING, through Lettuce's
 * ClientSideCaching) to drop local copies when a key changes. Nobody publishes anything: Redis
 * remembers which keys each connection read and pushes an invalidation when one of them is
 * written or deleted. The order of eviction is W-TinyLFU, not LRU, so Task 5's exact LRU test does
 * not apply; the size bound does.
 */
@Task(5)
class ClientSideCachingContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static Shop shop;
    final List<CacheFrontend<String, String>> frontends = new ArrayList<>();

    /** The products table on the first test of the class, and five fresh products before each. */
    @BeforeEach
    void fiveProducts() throws Exception {
        shop = shop == null ? Shop.open(db) : shop;
        shop.reset(5);
    }

    /** Each frontend owns a tracked connection: closing it ends the tracking. */
    @AfterEach
    void closeFrontends() {
        frontends.forEach(CacheFrontend::close);
    }

    /** One app instance: the shared cache-aside (Tasks 1-3) behind a tracked, Caffeine-backed local level. */
    private final class Instance {
        final Cache<String, String> local;
        final AtomicInteger localHits = new AtomicInteger();
        final CacheFrontend<String, String> frontend;
        final CacheAside shared = new CacheAside(shop.store, Shop.ownConnection(redis).commands(), CachePolicy.defaults(), BetweenSteps.NOTHING);

        Instance(int maxLocalEntries) {
            local = Caffeine.newBuilder().maximumSize(maxLocalEntries).executor(Runnable::run).build();
            CacheAccessor<String, String> caffeine = CacheAccessor.forMap(local.asMap());
            // Counts the reads the local level answered: those never became a Redis GET.
            CacheAccessor<String, String> counted = new CacheAccessor<>() {
                @Override
                public String get(String key) {
                    String value = caffeine.get(key);
                    if (value != null) {
                        localHits.incrementAndGet();
                    }
                    return value;
                }

                @Override
                public void put(String key, String value) {
                    caffeine.put(key, value);
                }

                @Override
                public void evict(String key) {
                    caffeine.evict(key);
                }
            };
            frontend = ClientSideCaching.enable(counted, redis.newClient().connect(), TrackingArgs.Builder.enabled());
            frontends.add(frontend);
        }

        Optional<Product> get(long id) throws SQLException {
            String cached = frontend.get(Product.cacheKey(id));
            if (cached == null) {
                Optional<Product> loaded = shared.get(id);
                // Read the key once more through the frontend, so that it is tracked and kept locally.
                frontend.get(Product.cacheKey(id));
                return loaded;
            }
            return cached.startsWith("{") ? Optional.of(Product.fromJson(cached)) : Optional.empty();
        }
    }

    @Test
    void repeatedReadsStayInTheProcess() throws Exception {
        Instance app = new Instance(100);
        for (int read = 1; read <= 10; read++) {
            assertThat(app.get(1)).contains(product(1));
        }
        assertThat(shop.reads()).isEqualTo(1);
        assertThat(app.localHits.get()).as("local hits among 10 reads (the first misses twice: before and after the fill)")
                .isEqualTo(9);
    }

    @Test
    void theLocalLevelIsBounded() throws Exception {
        Instance app = new Instance(3);
        for (long id = 1; id <= 5; id++) {
            app.get(id);
        }
        app.local.cleanUp();
        assertThat(app.local.estimatedSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void aSaveOnOneInstanceDropsTheOthersLocalCopies() throws Exception {
        Instance a = new Instance(100);
        Instance b = new Instance(100);
        a.get(1);
        b.get(1);
        assertThat(b.local.getIfPresent(Product.cacheKey(1))).isEqualTo(product(1).toJson());

        Product cheaper = product(1).withPrice(1_00);
        a.shared.save(cheaper);

        await().atMost(Duration.ofSeconds(2)).until(() -> b.local.getIfPresent(Product.cacheKey(1)) == null);
        assertThat(b.get(1)).contains(cheaper);
    }
}
