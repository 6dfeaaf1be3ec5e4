package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A pool of database connections. {@link #borrow()} hands out a connection; closing that connection
 * gives it back to the pool instead of closing the physical connection.
 */
public interface ConnectionPool extends AutoCloseable {

    /**
     * A working connection for the caller's exclusive use until it closes it.
     *
     * @throws java.sql.SQLTransientConnectionException (such as {@link PoolTimeoutException}) when no
     *         connection became free within the pool's bounded wait
     */
    Connection borrow() throws SQLException;

    /** Physical connections open right now, in use or idle. */
    int openConnections();

    /** Closes the idle connections; connections still borrowed are closed when they come back. */
    @Override
    void close();
}
