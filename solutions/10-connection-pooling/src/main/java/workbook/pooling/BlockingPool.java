package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 2: a small blocking connection pool. A semaphore holds one permit per connection the pool may
 * have out; a caller takes a permit (waiting at most {@code maxWait}) before it gets a connection, and
 * the permit comes back with the connection.
 */
public final class BlockingPool implements ConnectionPool {
    /** Seconds {@link Connection#isValid(int)} may take to prove an idle connection still works. */
    private static final int VALIDATION_SECONDS = 1;

    private final ConnectionFactory factory;
    private final int maxSize;
    private final Duration maxWait;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param factory opens a new physical connection
     * @param maxSize the most physical connections open at once, at least 1
     * @param maxWait how long {@link #borrow()} may wait for a connection to come back
     */
    public BlockingPool(ConnectionFactory factory, int maxSize, Duration maxWait) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 connection, not " + maxSize);
        }
        this.factory = factory;
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.permits = new Semaphore(maxSize, true); // fair: callers are served in the order they came
    }

    @Override
    public Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("The pool is closed.");
        }
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PoolTimeoutException(maxSize, maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a connection.", e);
        }
        try {
            return PooledConnections.wrap(workingConnection(), this::giveBack);
        } catch (SQLException | RuntimeException e) {
            permits.release(); // the slot is free again: no connection went out
            throw e;
        }
    }

    /** An idle connection that still works, or a new one; broken idle connections are closed on the way. */
    private Connection workingConnection() throws SQLException {
        for (Connection candidate; (candidate = idle.poll()) != null; ) {
            if (candidate.isValid(VALIDATION_SECONDS)) {
                return candidate;
            }
            discard(candidate);
        }
        Connection fresh = factory.open();
        open.incrementAndGet();
        return fresh;
    }

    private void giveBack(Connection physical) {
        if (closed) {
            discard(physical);
        } else {
            idle.push(physical); // most recently used first: it is the most likely to be warm and alive
        }
        permits.release();
    }

    private void discard(Connection physical) {
        open.decrementAndGet();
        try {
            physical.close();
        } catch (SQLException ignored) {
            // it was broken already; nothing more to free
        }
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection; (connection = idle.poll()) != null; ) {
            discard(connection);
        }
    }
}
