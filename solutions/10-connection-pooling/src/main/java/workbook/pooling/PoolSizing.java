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
        if (!(requestsPerSecond > 0) || timeInDatabase.isNegative() || timeInDatabase.isZero()) {
            throw new IllegalArgumentException("need a positive rate and time in the database, got "
                    + requestsPerSecond + "/s and " + timeInDatabase);
        }
        // In nanoseconds first, then one division: 100/s x 0.03 s in doubles is 3.0000000000000004, not 3.
        double busyNanosPerSecond = requestsPerSecond * timeInDatabase.toNanos();
        // At least one: a rate so small that the product underflows still needs a connection.
        return Math.max(1, (int) Math.ceil(busyNanosPerSecond / 1_000_000_000L));
    }

    /**
     * The largest pool each of {@code instances} application instances may have so that, all together,
     * they stay within {@code maxConnections} minus {@code reserved} (connections kept free for
     * administrators, migrations and monitoring).
     *
     * @throws IllegalArgumentException if not even one connection per instance fits
     */
    public static int perInstance(int maxConnections, int reserved, int instances) {
        int usable = maxConnections - reserved;
        if (instances < 1 || usable < instances) {
            throw new IllegalArgumentException(instances + " instances cannot each have a connection when the server "
                    + "allows " + maxConnections + " and " + reserved + " are reserved: put a shared pooler "
                    + "(PgBouncer, RDS Proxy) between them and the database");
        }
        return usable / instances; // rounded down: rounding up would exceed the server's limit
    }
}
