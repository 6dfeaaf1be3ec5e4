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

/** Source 000: "store a sentinel for empty results too, or a lookup that finds nothing falls through to the database on every call". */
@Task(2)
class Task2NegativeCachingTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(300), Duration.ofSeconds(15), Duration.ofSeconds(5));
    static final long ABSENT = 404;

    static Shop shop;

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void seed() throws Exception {
        shop.reset(3);
    }

    private static CacheAside newInstance() {
        return new CacheAside(shop.store, Shop.ownConnection(redis).commands(), POLICY, BetweenSteps.NOTHING);
    }

    @Test
    void tenLookupsOfAnAbsentIdReachTheDatabaseOnce() throws Exception {
        CacheAside cache = newInstance();
        for (int lookup = 1; lookup <= 10; lookup++) {
            assertThat(cache.get(ABSENT)).as("lookup %d of product %d, which has no row", lookup, ABSENT).isEmpty();
            assertThat(shop.reads())
                    .as("database reads after %d lookups of product %d, which does not exist; expected 1. Each lookup "
                            + "that finds nothing falls through to the database again, because nothing was cached for it: "
                            + "cache a sentinel for \"not found\" (with the policy's negativeTtl)", lookup, ABSENT)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theSentinelLivesForTheNegativeTtlAndAProductForTheFullTtl() throws Exception {
        CacheAside cache = newInstance();
        cache.get(ABSENT);
        cache.get(2);
        long negative = redis.commands().pttl(Product.cacheKey(ABSENT));
        long positive = redis.commands().pttl(Product.cacheKey(2));
        assertThat(negative)
                .as("TTL of the sentinel under %s, in ms; expected the policy's negativeTtl (%d ms). -2 means nothing "
                        + "is cached for an absent id; -1 means it never expires, so a product created later would stay "
                        + "invisible forever", Product.cacheKey(ABSENT), POLICY.negativeTtl().toMillis())
                .isBetween(POLICY.negativeTtl().toMillis() - 5_000, POLICY.negativeTtl().toMillis());
        assertThat(positive).as("TTL of a product that exists, in ms: the full ttl (%d ms)", POLICY.ttl().toMillis())
                .isBetween(POLICY.ttl().toMillis() - 5_000, POLICY.ttl().toMillis());
    }

    @Test
    void aRowInsertedBehindTheCacheShowsOnceTheSentinelExpires() throws Exception {
        CacheAside cache = newInstance();
        cache.get(ABSENT);
        Product created = product(ABSENT);
        shop.putDirectly(created);

        assertThat(cache.get(ABSENT)).as("product %d inserted by another service while \"not found\" is cached: "
                + "invisible until the sentinel expires (that is why its TTL is short)", ABSENT).isEmpty();
        Shop.expireNow(redis, Product.cacheKey(ABSENT));
        assertThat(cache.get(ABSENT)).as("product %d once the negativeTtl passed", ABSENT).contains(created);
        assertThat(cache.get(ABSENT)).as("and once more, now from Redis").contains(created);
        assertThat(shop.reads()).as("database reads: the first lookup and the one after the sentinel expired").isEqualTo(2);
    }

    @Test
    void aSaveThroughTheCacheReplacesTheSentinelAtOnce() throws Exception {
        CacheAside cache = newInstance();
        cache.get(ABSENT);
        cache.get(ABSENT);
        Product created = product(ABSENT);
        cache.save(created);

        assertThat(cache.get(ABSENT)).as("product %d right after it was saved through the cache: the save must "
                + "invalidate the cached \"not found\"", ABSENT).contains(created);
        assertThat(cache.get(ABSENT)).as("and read again").contains(created);
        assertThat(shop.reads()).as("database reads: one for the first lookup, one after the save").isEqualTo(2);
    }
}
