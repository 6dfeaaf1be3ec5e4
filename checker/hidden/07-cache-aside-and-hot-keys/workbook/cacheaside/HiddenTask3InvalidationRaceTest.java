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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.cacheaside.Shop.product;

@Task(3)
class HiddenTask3InvalidationRaceTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final CachePolicy POLICY = new CachePolicy(Duration.ofSeconds(300), Duration.ofSeconds(10), Duration.ofSeconds(30));

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

    private interface Action {
        void run() throws Exception;
    }

    private static BetweenSteps afterRead(Action action) {
        return new BetweenSteps() {
            @Override
            public void afterDatabaseRead(long id) {
                run(action);
            }
        };
    }

    private static void run(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondReaderThatMissedDuringTheFirstOnesReadDoesNotFillTheKeyEither() throws Exception {
        Product cheaper = product(1).withPrice(1_00);
        CacheAside writer = newInstance(BetweenSteps.NOTHING);
        CacheAside second = newInstance(afterRead(() -> writer.save(cheaper)));
        CacheAside first = newInstance(afterRead(() -> second.get(1)));

        first.get(1);

        assertThat(redis.commands().get(Product.cacheKey(1)))
                .as("Redis after two readers read the old price and a writer saved the new one in between")
                .isNotEqualTo(product(1).toJson());
        assertThat(writer.get(1)).contains(cheaper);
    }

    @Test
    void aSaveWritesTheDatabaseBeforeItInvalidates() throws Exception {
        List<String> seen = new ArrayList<>();
        CacheAside cache = newInstance(new BetweenSteps() {
            @Override
            public void afterDatabaseWrite(long id) {
                seen.add(shop.row(id).map(Product::priceCents).orElse(-1) + " / " + redis.commands().get(Product.cacheKey(id)));
            }
        });
        cache.get(2);
        cache.save(product(2).withPrice(7_00));

        assertThat(seen).as("row price / cached copy when afterDatabaseWrite runs: the row is saved, the copy not yet deleted")
                .containsExactly("700 / " + product(2).toJson());
        assertThat(redis.commands().exists(Product.cacheKey(2))).as("the copy after save returned").isZero();
    }

    @Test
    void aWriterThatDiesBeforeItInvalidatesLeavesAStaleCopyBoundedByTheTtl() throws Exception {
        CacheAside cache = newInstance(new BetweenSteps() {
            @Override
            public void afterDatabaseWrite(long id) {
                throw new IllegalStateException("died");
            }
        });
        cache.get(3);
        assertThatThrownBy(() -> cache.save(product(3).withPrice(1))).hasMessage("died");
        assertThat(shop.row(3)).contains(product(3).withPrice(1));
        assertThat(redis.commands().pttl(Product.cacheKey(3))).isBetween(1L, POLICY.ttl().toMillis());
    }

    @Test
    void aDeadReadersClaimOnOneProductDoesNotBlockAnother() throws Exception {
        CacheAside crashing = newInstance(afterRead(() -> {
            throw new SQLException("died");
        }));
        assertThatThrownBy(() -> crashing.get(1)).hasMessageContaining("died");

        CountingRedis survivorCalls = Shop.ownConnection(redis);
        CacheAside survivor = new CacheAside(shop.store, survivorCalls.commands(), POLICY, BetweenSteps.NOTHING);
        survivor.get(2);
        shop.database.reset();
        assertThat(survivor.get(2)).contains(product(2));
        assertThat(shop.reads()).as("reads of product 2 after it was cached, while a dead reader still holds product 1")
                .isZero();
        survivorCalls.reset();
        assertThat(survivor.get(1)).as("product 1 can still be read while a dead reader holds it").contains(product(1));
        assertThat(survivorCalls.count("EVAL") + survivorCalls.count("SET", Product.cacheKey(1))
                + survivorCalls.count("PSETEX", Product.cacheKey(1)))
                .as("writes of product 1 by a reader that did not hold the claim").isZero();
    }

    @Test
    void readersStillFillAfterARaceWasStopped() throws Exception {
        CacheAside writer = newInstance(BetweenSteps.NOTHING);
        CacheAside reader = newInstance(afterRead(() -> {
        }));
        reader.get(1);
        writer.save(product(1).withPrice(2_00));
        Optional<Product> read = reader.get(1);
        assertThat(read).contains(product(1).withPrice(2_00));
        shop.database.reset();
        assertThat(reader.get(1)).contains(product(1).withPrice(2_00));
        assertThat(shop.reads()).isZero();
        assertThat(redis.commands().pttl(Product.cacheKey(1))).isBetween(POLICY.ttl().toMillis() - 5_000, POLICY.ttl().toMillis());
    }
}
