package workbook.cacheaside;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static workbook.cacheaside.Shop.product;

/**
 * Update, then delete the cached copy; and the interleaving in which a slow reader puts the old
 * value back after the writer deleted it. Two app instances share Redis and PostgreSQL; the
 * reader's {@link BetweenSteps} runs the writer at the one moment that breaks naive invalidation.
 */
@Task(3)
class Task3InvalidationRaceTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(300), Duration.ofSeconds(10), Duration.ofMillis(400));

    static Shop shop;

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void seed() throws Exception {
        shop.reset(3);
    }

    private static CacheAside newInstance(BetweenSteps steps) {
        return new CacheAside(shop.store, Shop.ownConnection(redis).commands(), POLICY, steps);
    }

    @Test
    void aSaveInvalidatesTheCachedCopyAndTheNextReadCachesTheNewOne() throws Exception {
        CacheAside cache = newInstance(BetweenSteps.NOTHING);
        cache.get(1);
        cache.get(2);
        Product cheaper = product(1).withPrice(1_00);
        cache.save(cheaper);

        assertThat(cache.get(1)).as("product 1 right after its price changed through the cache").contains(cheaper);
        assertThat(cache.get(1)).as("product 1 read once more").contains(cheaper);
        assertThat(cache.get(2)).as("product 2, which nobody changed").contains(product(2));
        assertThat(shop.reads())
                .as("database reads: products 1 and 2 once each, then product 1 once after the save; more means the "
                        + "reads are not cached (Task 1) or the read after the save did not refill the cache")
                .isEqualTo(3);
    }

    @Test
    void aSlowReaderDoesNotPutTheOldPriceBackAfterTheWritersDelete() throws Exception {
        Product cheaper = product(1).withPrice(1_00);
        CacheAside writer = newInstance(BetweenSteps.NOTHING);
        AtomicInteger interleavings = new AtomicInteger();
        CacheAside reader = newInstance(new BetweenSteps() {
            @Override
            public void afterDatabaseRead(long id) {
                // The reader has read the old row and not written the cache yet: now the writer runs.
                interleavings.incrementAndGet();
                save(writer, cheaper);
            }
        });

        reader.get(1);

        assertThat(interleavings.get())
                .as("calls of steps.afterDatabaseRead during a read that missed; CacheAside.get must call it once, after "
                        + "reading the database and before writing the cache, so that this test can run the writer there")
                .isEqualTo(1);
        assertThat(redis.commands().get(Product.cacheKey(1)))
                .as("what Redis holds for product 1 after the race. The reader read the old price (%d cents), the "
                        + "writer saved the new one (%d) and deleted the key, then the reader wrote the old price back: "
                        + "it would be served for the whole TTL (%d s). A reader must not fill the key when a write "
                        + "invalidated it after the reader's database read (a lease, or a version check)",
                        product(1).priceCents(), cheaper.priceCents(), POLICY.ttl().toSeconds())
                .isNotEqualTo(product(1).toJson());
        assertThat(writer.get(1)).as("product 1 read after the race").contains(cheaper);
        assertThat(writer.get(1)).as("product 1 read again").contains(cheaper);
        assertThat(shop.reads()).as("database reads: the reader's, then one that refills the cache with the new price")
                .isEqualTo(2);
    }

    @Test
    void aReaderThatDiesBetweenItsStepsDoesNotStopCachingForLong() throws Exception {
        CacheAside crashing = newInstance(new BetweenSteps() {
            @Override
            public void afterDatabaseRead(long id) {
                throw new IllegalStateException("the process died here");
            }
        });
        assertThatThrownBy(() -> crashing.get(2))
                .as("a read of product 2 whose steps.afterDatabaseRead throws (the process dies between reading the "
                        + "database and writing the cache); no exception means get never called the hook on a miss")
                .hasMessage("the process died here");

        CacheAside survivor = newInstance(BetweenSteps.NOTHING);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .alias(("a second instance caching product 2 after the first died mid-read; whatever the dead reader "
                        + "held (a lease) must end by itself within the policy's leaseTtl (%d ms)").formatted(POLICY.leaseTtl().toMillis()))
                .until(() -> {
                    survivor.get(2);
                    return redis.commands().get(Product.cacheKey(2)) != null;
                });
        shop.database.reset();
        assertThat(survivor.get(2)).contains(product(2));
        assertThat(shop.reads()).as("database reads for product 2 once it was cached again").isZero();
    }

    private static void save(CacheAside cache, Product product) {
        try {
            cache.save(product);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
