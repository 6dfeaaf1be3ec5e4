package workbook.compute;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/**
 * Task 4: the one place that holds database connections. Functions call it over HTTP
 * ({@link OrderFunction#viaDataService}); it serves them all from one pool of at most
 * {@code poolSize} connections, the job RDS Proxy or PgBouncer does in production.
 */
public final class DataService implements AutoCloseable {
    private final HikariDataSource pool;
    private final DataServiceServer server;

    private DataService(HikariDataSource pool) {
        this.pool = pool;
        this.server = DataServiceServer.start(this::orderStatus);
    }

    /**
     * Starts the service: a pool of at most {@code poolSize} connections to {@code database}, in which
     * a request waits at most {@code maxWait} for a connection, and an HTTP server on a free port.
     */
    public static DataService start(DatabaseAddress database, int poolSize, Duration maxWait) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(maxWait.toMillis());
        return new DataService(new HikariDataSource(config));
    }

    public int port() {
        return server.port();
    }

    /**
     * {@code GET /orders/{id}}: 200 with the status, 404 for no such order, 503 if no connection came free
     * in time, 500 for any other database error.
     */
    Reply orderStatus(long orderId) {
        // try-with-resources gives the connection back to the pool on every path, errors included.
        try (Connection connection = pool.getConnection()) {
            Optional<String> status = Orders.status(connection, orderId);
            return status.map(Reply::ok).orElseGet(() -> Reply.notFound("no order " + orderId));
        } catch (SQLTransientConnectionException e) {
            return Reply.busy("no database connection came free in time: " + e.getMessage());
        } catch (SQLException e) {
            return Reply.error(e.getMessage());
        }
    }

    /** Stops the HTTP server and closes the pool with its connections. */
    @Override
    public void close() {
        server.close();
        pool.close();
    }
}
