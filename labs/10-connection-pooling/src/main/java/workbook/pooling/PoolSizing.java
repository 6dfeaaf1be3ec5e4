package workbook.pooling;

import java.time.Duration;

/** Task 3: how big a pool must be, by Little's law, and how many connections a server can give each instance. */
public final class PoolSizing {
    private PoolSizing() {
    }

    /**
     * The connections needed to serve {@code requestsPerSecond} when each request holds its connection
     * for {@code timeInDatabase}: Little's law, L = λ × W, rounded up to a whole connection.
     *
     * @throws IllegalArgumentException if the rate or the time is not positive
     */
    public static int connectionsFor(double requestsPerSecond, Duration timeInDatabase) {
        throw new UnsupportedOperationException("Task 3: connections = requests per second x seconds each holds a connection, rounded up");
    }

    /**
     * The largest pool each of {@code instances} application instances may have so that, all together,
     * they stay within {@code maxConnections} minus {@code reserved} (connections kept free for
     * administrators, migrations and monitoring).
     *
     * @throws IllegalArgumentException if not even one connection per instance fits
     */
    public static int perInstance(int maxConnections, int reserved, int instances) {
        throw new UnsupportedOperationException("Task 3: share what the server allows among the instances");
    }
}
