package workbook.pooling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * HikariCP against Task 2's contract ({@link PoolContract}): the same burst against max_connections = 20,
 * the same bounded wait and 503, the same broken connection. Two differences show in the adapter:
 * HikariCP's shortest wait is 250 ms, and it skips the validity check for connections used in the
 * last 500 ms (here 100 ms), so the broken-connection test lets the idle connection age first.
 */
@Task(2)
class HikariPoolContractTest extends PoolContract {
    /** HikariCP's window without validity checks, shortened from 500 ms for these pools only. */
    static final long ALIVE_BYPASS_MS = 100;

    @Override
    ConnectionPool newPool(ConnectionFactory factory, int size, Duration maxWait) {
        Endpoint database = database(); // HikariCP opens its own connections from the URL
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        // Full from the start, as HikariCP advises. It opens connections on a thread of its own while a
        // borrower waits, so a cold pool on a busy machine could spend a 300 ms wait on opening them.
        config.setMinimumIdle(size);
        config.setConnectionTimeout(maxWait.toMillis());
        HikariDataSource hikari = withAliveBypassWindow(ALIVE_BYPASS_MS, () -> new HikariDataSource(config));
        await("HikariCP opening its " + size + " connections").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> hikari.getHikariPoolMXBean().getTotalConnections() == size);
        return new ConnectionPool() {
            @Override
            public Connection borrow() throws SQLException {
                return hikari.getConnection();
            }

            @Override
            public int openConnections() {
                return hikari.getHikariPoolMXBean().getTotalConnections();
            }

            @Override
            public void close() {
                hikari.close();
            }
        };
    }

    @Override
    void letIdleConnectionsAge() throws InterruptedException {
        Thread.sleep(ALIVE_BYPASS_MS + 50); // past the window, so that HikariCP checks the idle connection
    }

    /** HikariCP reads the window from a system property when a pool starts; set it for this pool alone. */
    static HikariDataSource withAliveBypassWindow(long millis, Supplier<HikariDataSource> start) {
        String property = "com.zaxxer.hikari.aliveBypassWindowMs";
        String before = System.getProperty(property);
        System.setProperty(property, Long.toString(millis));
        try {
            return start.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
