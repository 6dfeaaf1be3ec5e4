package workbook.pooling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * HikariCP against Task 2's contract ({@link PoolContract}): the same burst against max_connections = 20,
 * the same bounded wait and 503, the same broken connection. Two differences show in the adapter:
 * HikariCP's shortest wait is 250 ms, and it skips the validity check for connections used in the
 * last 500 ms, so the broken-connection test lets the idle connection age first.
 */
@Task(2)
class HikariPoolContractTest extends PoolContract {

    @Override
    ConnectionPool newPool(ConnectionFactory factory, int size, Duration maxWait) {
        Endpoint database = database(); // HikariCP opens its own connections from the URL
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0); // open on demand, as BlockingPool does
        config.setConnectionTimeout(maxWait.toMillis());
        HikariDataSource hikari = new HikariDataSource(config);
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
        Thread.sleep(600); // past HikariCP's aliveBypassWindowMs (500 ms), so that it checks the idle connection
    }
}
