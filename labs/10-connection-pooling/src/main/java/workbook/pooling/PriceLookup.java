package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 1: the price endpoint's data access. Every request asks {@link #quote(long)} for one price.
 *
 * <p>The starter opens a new connection for every request: a TCP handshake, PostgreSQL's start-up
 * exchange and a new server process, each time, through a network with real latency.
 */
public final class PriceLookup implements AutoCloseable {
    private final Endpoint database;

    /**
     * @param database    where the products table lives
     * @param connections how many connections the endpoint may keep open at once
     */
    public PriceLookup(Endpoint database, int connections) {
        this.database = database;
    }

    /** The price of one product (see {@link Prices#read(Connection, long)}). */
    public Quote quote(long productId) throws SQLException {
        try (Connection connection = database.connect()) {
            return Prices.read(connection, productId);
        }
    }

    /** Releases whatever the lookup keeps open. */
    @Override
    public void close() {
    }
}
