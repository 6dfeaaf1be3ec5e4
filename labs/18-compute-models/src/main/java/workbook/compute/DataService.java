package workbook.compute;

import java.time.Duration;

/**
 * Task 4: the one place that holds database connections. Functions call it over HTTP
 * ({@link OrderFunction#viaDataService}); it serves them all from one pool of at most
 * {@code poolSize} connections, the job RDS Proxy or PgBouncer does in production.
 */
public final class DataService implements AutoCloseable {

    /**
     * Starts the service: a pool of at most {@code poolSize} connections to {@code database}, in which
     * a request waits at most {@code maxWait} for a connection, and an HTTP server on a free port.
     */
    public static DataService start(DatabaseAddress database, int poolSize, Duration maxWait) {
        throw new UnsupportedOperationException("Task 4: one HikariCP pool, and a DataServiceServer that answers from it");
    }

    public int port() {
        throw new UnsupportedOperationException("Task 4: the port of the server");
    }

    /**
     * {@code GET /orders/{id}}: 200 with the status, 404 for no such order, 503 if no connection came free
     * in time, 500 for any other database error.
     */
    Reply orderStatus(long orderId) {
        throw new UnsupportedOperationException("Task 4: borrow a connection, ask Orders.status, give it back");
    }

    /** Stops the HTTP server and closes the pool with its connections. */
    @Override
    public void close() {
    }
}
