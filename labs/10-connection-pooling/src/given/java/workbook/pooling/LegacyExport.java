package workbook.pooling;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Code the order service inherited and you may not change: it takes a connection and never gives it
 * back. HikariCP's leak detection is how you find code like this in production.
 */
public final class LegacyExport {
    private LegacyExport() {
    }

    public static long countOrders(DataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        ResultSet row = connection.createStatement().executeQuery("select count(*) from orders");
        row.next();
        return row.getLong(1); // the connection is never closed
    }
}
