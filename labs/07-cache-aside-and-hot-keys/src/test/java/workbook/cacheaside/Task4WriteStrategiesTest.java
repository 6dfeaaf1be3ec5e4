package workbook.cacheaside;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.cacheaside.Shop.product;

/**
 * Source 002's write strategies, measured: statements per save, and saves lost when the process
 * dies. "The process dies" is an instance that is dropped without another call: whatever it held
 * only in memory is gone.
 */
@Task(4)
class Task4WriteStrategiesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration TTL = Duration.ofSeconds(300);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    static Shop shop;

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void empty() throws Exception {
        shop.reset(0);
    }

    /** Round r (1..10) sets product id to this price. */
    private static Product priced(long id, int round) {
        return product(id).withPrice(1_000 * round + (int) id);
    }

    private static Product cachedCopy(long id) {
        String json = redis.commands().get(Product.cacheKey(id));
        return json == null ? null : Product.fromJson(json);
    }

    @Test
    void writeThroughWritesEverySaveToBoth() throws Exception {
        WriteThrough writes = new WriteThrough(shop.store, Shop.ownConnection(redis).commands(), TTL);
        for (int round = 1; round <= 10; round++) {
            for (long id = 1; id <= 10; id++) {
                writes.save(priced(id, round));
                assertThat(shop.row(id)).as("the row of product %d right after save %d returned", id, round).contains(priced(id, round));
                assertThat(cachedCopy(id)).as("Redis's copy of product %d right after save %d returned", id, round).isEqualTo(priced(id, round));
            }
        }
        assertThat(shop.writes()).as("write statements for 100 saves, write-through: one each").isEqualTo(100);
        assertThat(redis.commands().pttl(Product.cacheKey(7))).as("TTL of a written product, in ms")
                .isBetween(TTL.toMillis() - 5_000, TTL.toMillis());
    }

    @Test
    void writeBehindBatchesOneStatementPerFlush() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        WriteBehind writes = new WriteBehind(shop.store, Shop.ownConnection(redis).commands(), TTL, clock, FLUSH_EVERY);
        for (int round = 1; round <= 10; round++) {
            for (long id = 1; id <= 10; id++) {
                clock.advanceMillis(25);
                writes.save(priced(id, round));
                assertThat(cachedCopy(id)).as("Redis's copy of product %d right after save %d returned: write-behind "
                        + "writes the cache at once", id, round).isEqualTo(priced(id, round));
            }
        }
        assertThat(shop.writes())
                .as("write statements for 100 saves of 10 products, one save every 25 ms for 2.5 s, flushing every %d ms: "
                        + "expected 2 (at 1 s and at 2 s), each one batch of the latest value of each product",
                        FLUSH_EVERY.toMillis())
                .isEqualTo(2);
        assertThat(shop.row(4)).as("the row of product 4 after the flush at 2 s (save 80)").contains(priced(4, 8));
        assertThat(writes.pending()).as("rows queued after the last flush: the 10 products saved again since").isEqualTo(10);
        assertThat(redis.commands().pttl(Product.cacheKey(7))).as("TTL of a written product, in ms")
                .isBetween(TTL.toMillis() - 5_000, TTL.toMillis());

        writes.flush();
        assertThat(shop.row(4)).as("the row of product 4 after an explicit flush").contains(priced(4, 10));
        assertThat(writes.pending()).as("rows queued after an explicit flush").isZero();
        assertThat(shop.writes()).as("write statements after the explicit flush").isEqualTo(3);
    }

    @Test
    void aProcessThatDiesLosesOnlyWhatWriteBehindHadNotFlushed() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        WriteBehind behind = new WriteBehind(shop.store, Shop.ownConnection(redis).commands(), TTL, clock, FLUSH_EVERY);
        for (long id = 1; id <= 25; id++) {
            clock.advanceMillis(50);
            behind.save(product(id));
        }
        int keptBehind = shop.rowCount();

        shop.reset(0);
        WriteThrough through = new WriteThrough(shop.store, Shop.ownConnection(redis).commands(), TTL);
        for (long id = 1; id <= 25; id++) {
            through.save(product(id));
        }
        int keptThrough = shop.rowCount();

        assertThat(25 - keptBehind)
                .as("new products lost when the process died after 25 saves, 50 ms apart, flushing every %d ms, with "
                        + "write-behind: the 5 saved after the flush at 1 s (%d rows reached the database)",
                        FLUSH_EVERY.toMillis(), keptBehind)
                .isEqualTo(5);
        assertThat(25 - keptThrough).as("new products lost with write-through (%d rows reached the database)", keptThrough)
                .isZero();
    }
}
