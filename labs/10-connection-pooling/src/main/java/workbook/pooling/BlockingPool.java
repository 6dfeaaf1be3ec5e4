package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 2: a small blocking connection pool.
 *
 * <p>Required: at most {@code maxSize} physical connections open at once; a caller who finds them all
 * in use waits for one to come back, at most {@code maxWait}, and then gets a {@link PoolTimeoutException};
 * an idle connection that broke (the server ended it) is closed and replaced, never handed out;
 * closing a borrowed connection gives it back (see {@link PooledConnections#wrap}).
 *
 * <p>The starter reuses idle connections but has no bound: a burst opens as many connections as
 * there are callers, and PostgreSQL refuses the ones beyond {@code max_connections}.
 */
public final class BlockingPool implements ConnectionPool {
    private final ConnectionFactory factory;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param factory opens a new physical connection
     * @param maxSize the most physical connections open at once, at least 1
     * @param maxWait how long {@link #borrow()} may wait for a connection to come back
     */
    public BlockingPool(ConnectionFactory factory, int maxSize, Duration maxWait) {
        this.factory = factory;
    }

    @Override
    public Connection borrow() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            physical = factory.open();
            open.incrementAndGet();
        }
        return PooledConnections.wrap(physical, idle::push);
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    @Override
    public void close() {
        for (Connection connection; (connection = idle.poll()) != null; ) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
