package workbook.cacheaside;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.cacheaside.Shop.product;

@Task(4)
class HiddenTask4WriteStrategiesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration TTL = Duration.ofSeconds(90);

    static Shop shop;
    final AtomicBoolean databaseDown = new AtomicBoolean();

    @BeforeAll
    static void createTable() throws Exception {
        shop = Shop.open(db);
    }

    @BeforeEach
    void empty() throws Exception {
        shop.reset(0);
    }

    /** The shop's store, on a database that refuses connections while {@link #databaseDown} is set. */
    private ProductStore flakyStore() {
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && databaseDown.get()) {
                        throw new SQLException("database down");
                    }
                    try {
                        return method.invoke(shop.database, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new ProductStore(flaky, Shop.QUERY_TIME);
    }

    @Test
    void aFlushTheDatabaseRefusesKeepsTheRowsQueued() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        WriteBehind writes = new WriteBehind(flakyStore(), Shop.ownConnection(redis).commands(), TTL, clock, Duration.ofSeconds(1));
        for (long id = 1; id <= 6; id++) {
            writes.save(product(id));
        }
        databaseDown.set(true);
        assertThatThrownBy(writes::flush).hasMessage("database down");
        assertThat(writes.pending()).as("rows queued after a flush the database refused").isEqualTo(6);

        databaseDown.set(false);
        clock.advanceMillis(1_000);
        writes.save(product(7));
        assertThat(shop.rowCount()).as("rows once the database is back and the next flush ran").isEqualTo(7);
        assertThat(writes.pending()).isZero();
    }

    @Test
    void writeThroughLeavesTheCacheAloneWhenTheDatabaseRefuses() throws Exception {
        WriteThrough writes = new WriteThrough(flakyStore(), Shop.ownConnection(redis).commands(), TTL);
        writes.save(product(1));
        databaseDown.set(true);
        assertThatThrownBy(() -> writes.save(product(1).withPrice(5))).hasMessage("database down");
        assertThat(redis.commands().get(Product.cacheKey(1))).isEqualTo(product(1).toJson());
        assertThat(shop.row(1)).contains(product(1));
    }

    @Test
    void theFlushTimerRestartsFromTheLastFlush() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        WriteBehind writes = new WriteBehind(shop.store, Shop.ownConnection(redis).commands(), TTL, clock, Duration.ofMillis(500));
        clock.advanceMillis(300);
        writes.save(product(1));
        writes.flush();
        clock.advanceMillis(499);
        writes.save(product(2));
        assertThat(writes.pending()).as("499 ms after an explicit flush, with flushEvery 500 ms").isEqualTo(1);
        clock.advanceMillis(1);
        writes.save(product(3));
        assertThat(writes.pending()).as("500 ms after the explicit flush").isZero();
        assertThat(shop.writes()).isEqualTo(2);
        assertThat(redis.commands().pttl(Product.cacheKey(3))).isBetween(TTL.toMillis() - 5_000, TTL.toMillis());
    }

    @Test
    void manySavesOfOneProductBecomeOneQueuedRow() throws Exception {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        WriteBehind writes = new WriteBehind(shop.store, Shop.ownConnection(redis).commands(), TTL, clock, Duration.ofSeconds(5));
        for (int price = 1; price <= 50; price++) {
            writes.save(product(8).withPrice(price));
        }
        assertThat(writes.pending()).isEqualTo(1);
        assertThat(shop.rowCount()).isZero();
        writes.flush();
        assertThat(shop.row(8)).contains(product(8).withPrice(50));
        assertThat(Product.fromJson(redis.commands().get(Product.cacheKey(8)))).isEqualTo(product(8).withPrice(50));
    }
}
