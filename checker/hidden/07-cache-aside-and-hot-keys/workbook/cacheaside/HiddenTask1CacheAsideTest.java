package workbook.cacheaside;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.cacheaside.Shop.product;

@Task(1)
class HiddenTask1CacheAsideTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(45), Duration.ofSeconds(3), Duration.ofSeconds(2));

    static Shop shop;

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void seed() throws Exception {
        shop.reset(4);
    }

    private static CacheAside newInstance() {
        return new CacheAside(shop.store, Shop.ownConnection(redis).commands(), POLICY, BetweenSteps.NOTHING);
    }

    @Test
    void anInstanceReadsWhatAnotherCachedInRedis() throws Exception {
        CacheAside first = newInstance();
        CacheAside second = newInstance();
        first.get(3);
        first.get(4);
        assertThat(second.get(3)).contains(product(3));
        assertThat(second.get(4)).contains(product(4));
        assertThat(shop.reads()).as("database reads: a second instance must find what the first cached, in Redis").isEqualTo(2);
    }

    @Test
    void namesSurviveTheRoundTripThroughRedis() throws Exception {
        Product odd = new Product(9, "caf\u00e9 \"best\" | 50% {off}", 4_99);
        shop.putDirectly(odd);
        CacheAside cache = newInstance();
        assertThat(cache.get(9)).contains(odd);
        assertThat(cache.get(9)).as("the same product, now from Redis").contains(odd);
        assertThat(shop.reads()).isEqualTo(1);
    }

    @Test
    void theTtlComesFromThePolicy() throws Exception {
        newInstance().get(1);
        assertThat(redis.commands().pttl(Product.cacheKey(1))).isBetween(POLICY.ttl().toMillis() - 5_000, POLICY.ttl().toMillis());
    }

    @Test
    void eachProductHasItsOwnEntry() throws Exception {
        CacheAside cache = newInstance();
        for (long id = 1; id <= 4; id++) {
            cache.get(id);
        }
        for (long id = 4; id >= 1; id--) {
            assertThat(cache.get(id)).contains(product(id));
            assertThat(redis.commands().get(Product.cacheKey(id))).isEqualTo(product(id).toJson());
        }
        assertThat(shop.reads()).isEqualTo(4);
    }
}
