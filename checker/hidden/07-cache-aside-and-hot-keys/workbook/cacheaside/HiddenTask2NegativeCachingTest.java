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

@Task(2)
class HiddenTask2NegativeCachingTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(60), Duration.ofSeconds(7), Duration.ofSeconds(2));

    static Shop shop;

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void seed() throws Exception {
        shop.reset(2);
    }

    private static CacheAside newInstance() {
        return new CacheAside(shop.store, Shop.ownConnection(redis).commands(), POLICY, BetweenSteps.NOTHING);
    }

    @Test
    void eachAbsentIdHasItsOwnSentinel() throws Exception {
        CacheAside cache = newInstance();
        cache.get(501);
        cache.get(502);
        cache.save(product(501));

        assertThat(cache.get(501)).contains(product(501));
        assertThat(cache.get(502)).as("product 502, still absent: its sentinel must survive a save of product 501").isEmpty();
        assertThat(shop.reads()).as("reads: 501 and 502 once, 501 again after its save").isEqualTo(3);
        assertThat(redis.commands().pttl(Product.cacheKey(502))).isBetween(1L, POLICY.negativeTtl().toMillis());
    }

    @Test
    void aSentinelIsSharedByInstancesAndTimedByThePolicy() throws Exception {
        newInstance().get(777);
        CacheAside other = newInstance();
        assertThat(other.get(777)).isEmpty();
        assertThat(shop.reads()).isEqualTo(1);
        assertThat(redis.commands().pttl(Product.cacheKey(777)))
                .isBetween(POLICY.negativeTtl().toMillis() - 3_000, POLICY.negativeTtl().toMillis());
        assertThat(redis.commands().get(Product.cacheKey(777))).as("the sentinel is not a product's JSON").doesNotStartWith("{");
    }

    @Test
    void aProductStillHasTheFullTtlNextToASentinel() throws Exception {
        CacheAside cache = newInstance();
        cache.get(999);
        cache.get(1);
        assertThat(redis.commands().pttl(Product.cacheKey(1))).isGreaterThan(POLICY.negativeTtl().toMillis());
    }
}
