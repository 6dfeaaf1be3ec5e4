package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Task 4: the order endpoint, which gives its connection back on every way out, and a pool that reports leaks. */
public final class OrderLookup {
    /** How long a connection may stay borrowed before HikariCP reports it as a leak (its minimum is 2 s). */
    public static final Duration LEAK_THRESHOLD = Duration.ofSeconds(2);

    private final DataSource pool;

    public OrderLookup(DataSource pool) {
        this.pool = pool; // a connection is borrowed per request and never kept between requests
    }

    /** {@code GET /orders/{id}}: 200 with the order's total in cents, or 404 when there is no such order. */
    public Reply find(long orderId) throws SQLException {
        // try-with-resources closes all three on every way out: the 404, the 200 and any exception.
        try (Connection connection = pool.getConnection();
             PreparedStatement query = connection.prepareStatement(Orders.FIND_TOTAL)) {
            query.setLong(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Reply.ok(Long.toString(row.getLong(1))) : Reply.notFound("order " + orderId);
            }
        }
    }

    /**
     * The pool the order service runs on: {@code size} connections to {@code database}, with HikariCP's
     * leak detection reporting any connection held longer than {@link #LEAK_THRESHOLD}.
     */
    public static HikariDataSource newPool(Endpoint database, int size) {
        return database.pool("orders", size, config -> config.setLeakDetectionThreshold(LEAK_THRESHOLD.toMillis()));
    }
}
