package workbook.cacheaside;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.api.sync.RedisCommands;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.CountingDataSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** The shop every test of this lab runs against: the products table, counted, and a few helpers. */
final class Shop {
    /** Fast enough for tests that count; Task 1's timing test uses a slower store. */
    static final Duration QUERY_TIME = Duration.ofMillis(20);

    final CountingDataSource database;
    final ProductStore store;
    private final Postgres db;

    private Shop(Postgres db, CountingDataSource database, Duration queryTime) {
        this.db = db;
        this.database = database;
        this.store = new ProductStore(database, queryTime);
    }

    /** Creates the products table in the test class's fresh database (call once, from @BeforeAll). */
    static Shop open(Postgres db) throws SQLException {
        HikariDataSource pool = db.newPool(config -> {
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(2);
        });
        ProductStore.createTable(pool);
        return new Shop(db, new CountingDataSource(pool), QUERY_TIME);
    }

    /** The same table and counter, read by a store whose query takes {@code queryTime}. */
    Shop withQueryTime(Duration queryTime) {
        return new Shop(db, database, queryTime);
    }

    /** Empties the table, inserts products 1..count, and zeroes the statement counter. */
    void reset(int count) throws SQLException {
        db.jdbc().update("truncate products");
        for (long id = 1; id <= count; id++) {
            store.save(product(id));
        }
        database.reset();
    }

    /** Product {@code id} as first inserted: "product 3" at 399 cents. */
    static Product product(long id) {
        return new Product(id, "product " + id, 100 * (int) id + 99);
    }

    /** Reads of a product that reached the database. */
    int reads() {
        return database.count(ProductStore.FIND);
    }

    /** Write statements that reached the database (a batch counts once). */
    int writes() {
        return database.count(ProductStore.SAVE);
    }

    /** What the database holds for {@code id}, read directly (not counted). */
    Optional<Product> row(long id) {
        List<Product> rows = db.jdbc().query("select id, name, price_cents from products where id = ?",
                (row, n) -> new Product(row.getLong(1), row.getString(2), row.getInt(3)), id);
        return rows.stream().findFirst();
    }

    int rowCount() {
        return db.jdbc().queryForObject("select count(*) from products", Integer.class);
    }

    /** A row written behind the cache's back, as another service would (not counted). */
    void putDirectly(Product product) {
        db.jdbc().update("insert into products (id, name, price_cents) values (?, ?, ?) on conflict (id) do update"
                + " set name = excluded.name, price_cents = excluded.price_cents",
                product.id(), product.name(), product.priceCents());
    }

    /** Median of some durations, in milliseconds. */
    static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    /** Stands for "the TTL has passed": the key gets a 1 ms TTL, and Redis itself expires it. */
    static void expireNow(Redis redis, String key) {
        RedisCommands<String, String> inspect = redis.commands();
        if (inspect.pexpire(key, 1)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> inspect.exists(key) == 0);
        }
    }

    /** A Redis connection of its own, as each app instance would have, with its commands counted. */
    static CountingRedis ownConnection(Redis redis) {
        RedisCommands<String, String> commands = redis.newClient().connect().sync();
        return new CountingRedis(commands);
    }
}
