package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 1: the price endpoint's data access, on a pool. The connections are opened once, when the
 * lookup starts, and every request borrows one for the length of its query.
 */
public final class PriceLookup implements AutoCloseable {
    private final HikariDataSource pool;

    /**
     * @param database    where the products table lives
     * @param connections how many connections the endpoint may keep open at once
     */
    public PriceLookup(Endpoint database, int connections) {
        this.pool = database.pool("prices", connections);
    }

    /** The price of one product (see {@link Prices#read(Connection, long)}). */
    public Quote quote(long productId) throws SQLException {
        // close() gives the connection back to the pool; the server process stays for the next request.
        try (Connection connection = pool.getConnection()) {
            return Prices.read(connection, productId);
        }
    }

    /** Closes the pool and its connections. */
    @Override
    public void close() {
        pool.close();
    }
}
