package workbook.pooling;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/** No connection became free within the pool's bounded wait: the caller should answer 503 and try later. */
public class PoolTimeoutException extends SQLTransientConnectionException {

    public PoolTimeoutException(int poolSize, Duration waited) {
        super("No database connection free: all " + poolSize + " connections of the pool stayed in use for the "
                + "whole wait of " + waited.toMillis() + " ms. The database is at its limit; answer 503 with "
                + "Retry-After rather than queue forever, and check the pool's size against its load.");
    }
}
