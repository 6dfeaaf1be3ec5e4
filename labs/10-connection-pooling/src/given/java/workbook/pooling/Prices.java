package workbook.pooling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The {@code products} table and the one query of the price endpoint. */
public final class Prices {
    /** Products 1..PRODUCTS exist; product n costs n * 100 cents. */
    public static final int PRODUCTS = 50;

    private Prices() {
    }

    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists products");
            statement.execute("create table products (id bigint primary key, price_cents bigint not null)");
            statement.execute("insert into products select n, n * 100 from generate_series(1, " + PRODUCTS + ") n");
        }
    }

    /** The price of one product, read on {@code connection}. */
    public static Quote read(Connection connection, long productId) throws SQLException {
        return read(connection, productId, Duration.ZERO);
    }

    /** As {@link #read(Connection, long)}, but the query also spends {@code timeInDatabase} in the server (pg_sleep). */
    public static Quote read(Connection connection, long productId, Duration timeInDatabase) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select p.price_cents, pg_backend_pid() from products p cross join pg_sleep(?) where p.id = ?")) {
            query.setDouble(1, timeInDatabase.toNanos() / 1e9);
            query.setLong(2, productId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no product " + productId);
                }
                return new Quote(productId, row.getLong(1), row.getInt(2));
            }
        }
    }
}
