package workbook.compute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/** Task 4's table: orders 1 to {@value #COUNT}, each with a status. */
public final class Orders {
    public static final int COUNT = 100;
    /** How long each query holds its connection (a query that does some work): 50 ms. */
    public static final Duration QUERY_TIME = Duration.ofMillis(50);

    private Orders() {
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table orders (id bigint primary key, status text not null)");
            statement.execute("insert into orders select n, case when n % 3 = 0 then 'shipped' else 'paid' end "
                    + "from generate_series(1, " + COUNT + ") n");
        }
    }

    /** The status of one order, empty if there is no such order; the query takes {@link #QUERY_TIME}. */
    public static Optional<String> status(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status, pg_sleep(?) from orders where id = ?")) {
            query.setDouble(1, QUERY_TIME.toMillis() / 1000.0);
            query.setLong(2, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** What {@link #status} returns for an order that exists. */
    public static String expectedStatus(long orderId) {
        return orderId % 3 == 0 ? "shipped" : "paid";
    }
}
