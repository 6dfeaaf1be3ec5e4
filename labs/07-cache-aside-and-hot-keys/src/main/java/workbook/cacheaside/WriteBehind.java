package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Write-behind: a save writes the cache at once and queues the row in this process's memory; the
 * queue goes to the database in one batch at most every {@code flushEvery}. Fewer statements, and
 * whatever is still queued when the process dies is lost.
 */
public class WriteBehind {

    public WriteBehind(ProductStore store, RedisCommands<String, String> redis, Duration ttl, Clock clock, Duration flushEvery) {
    }

    public void save(Product product) throws SQLException {
        throw new UnsupportedOperationException("Task 4: write Redis now, queue the row, flush when flushEvery has passed");
    }

    /** Writes every queued row in one batch. If the database refuses, the rows stay queued for the next flush. */
    public void flush() throws SQLException {
        throw new UnsupportedOperationException("Task 4: write the queued rows with ProductStore.saveAll");
    }

    /** How many rows are queued and not yet in the database: what a crash now would lose. */
    public int pending() {
        throw new UnsupportedOperationException("Task 4: count the queued rows");
    }
}
