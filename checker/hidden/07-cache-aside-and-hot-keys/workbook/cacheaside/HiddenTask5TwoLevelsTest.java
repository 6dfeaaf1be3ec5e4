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

@Task(5)
class HiddenTask5TwoLevelsTest {
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
        shop.reset(6);
    }

    @AfterEach
    void closeInstances() {
        opened.forEach(TwoLevelCache::close);
    }

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
    void theLeastRecentlyReadProductLeavesFirst() throws Exception {
        Instance app = newInstance(3);
        app.cache().get(1);
        app.cache().get(2);
        app.cache().get(3);
        app.cache().get(1);
        app.cache().get(4);
        app.redisCalls().reset();
        app.cache().get(1);
        app.cache().get(3);
        app.cache().get(4);
        assertThat(app.redisCalls().total()).as("Redis commands to re-read 1, 3 and 4; 2 was the least recently read").isZero();
        app.cache().get(2);
        assertThat(app.redisCalls().count("GET", Product.cacheKey(2))).isEqualTo(1);
    }

    @Test
    void aSaveDropsOnlyThatProductElsewhere() throws Exception {
        Instance a = newInstance(10);
        Instance b = newInstance(10);
        for (long id = 1; id <= 3; id++) {
            b.cache().get(id);
        }
        a.cache().save(product(2).withPrice(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> b.cache().get(2).orElseThrow().priceCents() == 3);
        b.redisCalls().reset();
        b.cache().get(1);
        b.cache().get(3);
        assertThat(b.redisCalls().total()).as("Redis commands on B for products 1 and 3, which nobody saved").isZero();
    }

    @Test
    void absentProductsAreNotKeptLocally() throws Exception {
        Instance app = newInstance(10);
        assertThat(app.cache().get(404)).isEmpty();
        assertThat(app.cache().get(404)).isEmpty();
        assertThat(app.redisCalls().count("GET", Product.cacheKey(404))).isEqualTo(2);
        assertThat(shop.reads()).isEqualTo(1);
    }

    @Test
    void closeClosesTheInstancesConnections() throws Exception {
        int before = clients();
        Instance app = newInstance(10);
        int opened = clients() - before;
        app.cache().close();
        await().atMost(Duration.ofSeconds(5)).until(() -> clients() == before + opened - 2);
        this.opened.remove(app.cache());
    }

    /** Connections Redis reports on this class's database. */
    private static int clients() {
        String database = " db=" + redis.uri().getDatabase() + " ";
        return (int) redis.commands().clientList().lines().filter(line -> line.contains(database)).count();
    }
}
