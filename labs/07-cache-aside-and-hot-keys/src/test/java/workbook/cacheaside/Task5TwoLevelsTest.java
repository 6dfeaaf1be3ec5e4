package workbook.cacheaside;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static workbook.cacheaside.Shop.product;

/** Source 002's multi-level caching: an in-process LRU in front of Redis, on three app instances. */
@Task(5)
class Task5TwoLevelsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static Shop shop;
    final List<TwoLevelCache> opened = new ArrayList<>();

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void seed() throws Exception {
        shop.reset(5);
    }

    @AfterEach
    void closeInstances() {
        opened.forEach(TwoLevelCache::close);
    }

    /** One app instance: its own Redis connection (counted), its own local level. */
    private record Instance(TwoLevelCache cache, CountingRedis redisCalls) {
    }

    private Instance newInstance(int maxLocalEntries) {
        CountingRedis calls = Shop.ownConnection(redis);
        CacheAside shared = new CacheAside(shop.store, calls.commands(), CachePolicy.defaults(), BetweenSteps.NOTHING);
        TwoLevelCache cache = new TwoLevelCache(shared, redis.newClient(), maxLocalEntries);
        opened.add(cache);
        return new Instance(cache, calls);
    }

    @Test
    void repeatedReadsStayInTheProcess() throws Exception {
        Instance app = newInstance(100);
        for (int read = 1; read <= 10; read++) {
            assertThat(app.cache().get(1)).as("product 1, read %d", read).contains(product(1));
            assertThat(app.cache().get(2)).as("product 2, read %d", read).contains(product(2));
        }
        assertThat(app.redisCalls().count("GET", Product.cacheKey(1)))
                .as("Redis GETs of %s for 10 reads on one instance; expected 1: the first read fills the local level, "
                        + "the other 9 are answered in the process with no round trip", Product.cacheKey(1))
                .isEqualTo(1);
        assertThat(app.redisCalls().count("GET", Product.cacheKey(2))).as("Redis GETs of %s for 10 reads", Product.cacheKey(2))
                .isEqualTo(1);
        assertThat(shop.reads()).as("database reads for products 1 and 2").isEqualTo(2);
    }

    @Test
    void theLocalLevelIsBounded() throws Exception {
        Instance app = newInstance(3);
        for (long id = 1; id <= 5; id++) {
            app.cache().get(id);
        }
        app.redisCalls().reset();
        app.cache().get(4);
        app.cache().get(5);
        assertThat(app.redisCalls().total()).as("Redis commands to re-read products 4 and 5, the most recently read")
                .isZero();
        app.cache().get(1);
        app.cache().get(2);
        assertThat(app.redisCalls().count("GET", Product.cacheKey(1)) + app.redisCalls().count("GET", Product.cacheKey(2)))
                .as("Redis GETs to re-read products 1 and 2 after 5 products went through a local level of 3 entries; "
                        + "expected 2: a local level without a bound keeps every product it ever saw, and grows until "
                        + "the process runs out of memory. 0 means reads never reached Redis: is Task 1 done?")
                .isEqualTo(2);
    }

    @Test
    void aSaveOnOneInstanceDropsTheOthersLocalCopies() throws Exception {
        Instance a = newInstance(100);
        Instance b = newInstance(100);
        Instance c = newInstance(100);
        for (Instance app : List.of(a, b, c)) {
            app.cache().get(1);
        }
        Product cheaper = product(1).withPrice(1_00);
        a.cache().save(cheaper);

        assertThat(a.cache().get(1)).as("product 1 read on the instance that saved it, right after the save").contains(cheaper);
        for (Instance other : List.of(b, c)) {
            await().atMost(Duration.ofSeconds(5))
                    .alias("the new price of product 1 on another instance, which held the old one locally: a save must "
                            + "tell every instance to drop its local copy (Redis pub/sub)")
                    .until(() -> other.cache().get(1).orElseThrow().equals(cheaper));
        }
    }
}
