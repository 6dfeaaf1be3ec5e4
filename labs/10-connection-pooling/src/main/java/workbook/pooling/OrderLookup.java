package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Task 4: the order endpoint, and the pool it runs on. */
public final class OrderLookup {
    /** How long a connection may stay borrowed before HikariCP reports it as a leak (its minimum is 2 s). */
    public static final Duration LEAK_THRESHOLD = Duration.ofSeconds(2);

    private final DataSource pool;

    public OrderLookup(DataSource pool) {
        this.pool = pool;
    }

    /** {@code GET /orders/{id}}: 200 with the order's total in cents, or 404 when there is no such order. */
    public Reply find(long orderId) throws SQLException {
        Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement(Orders.FIND_TOTAL);
        query.setLong(1, orderId);
        ResultSet row = query.executeQuery();
        if (!row.next()) {
            return Reply.notFound("order " + orderId);
        }
        String total = Long.toString(row.getLong(1));
        connection.close();
        return Reply.ok(total);
    }

    /**
     * The pool the order service runs on: {@code size} connections to {@code database}, with HikariCP's
     * leak detection reporting any connection held longer than {@link #LEAK_THRESHOLD}.
     */
    public static HikariDataSource newPool(Endpoint database, int size) {
        return database.pool("orders", size);
    }
}
