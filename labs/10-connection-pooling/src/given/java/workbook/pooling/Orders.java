package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The {@code orders} table of the order service: orders 1..ORDERS exist, order n totals n * 1000 cents. */
public final class Orders {
    public static final int ORDERS = 20;
    /** The query {@code OrderLookup} runs: one parameter, the order id. */
    public static final String FIND_TOTAL = "select total_cents from orders where id = ?";

    private Orders() {
    }

    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists orders");
            statement.execute("create table orders (id bigint primary key, total_cents bigint not null)");
            statement.execute("insert into orders select n, n * 1000 from generate_series(1, " + ORDERS + ") n");
        }
    }
}
