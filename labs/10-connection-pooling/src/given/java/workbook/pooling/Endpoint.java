package workbook.pooling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * One database endpoint as the application sees it: a JDBC URL (perhaps through a Toxiproxy proxy that
 * stands for the network) and credentials. {@link #connect()} opens a brand-new connection, which on
 * PostgreSQL is a brand-new server process; {@link #pool} builds a HikariCP pool to the endpoint.
 * {@code poolSettings} are applied to every such pool before its own (the tests use them to speed up
 * HikariCP's timers).
 */
public record Endpoint(String name, String jdbcUrl, String user, String password, Consumer<HikariConfig> poolSettings) {

    public Endpoint(String name, String jdbcUrl, String user, String password) {
        this(name, jdbcUrl, user, password, config -> { });
    }

    /** This endpoint, with {@code settings} applied to every pool built to it. */
    public Endpoint withPoolSettings(Consumer<HikariConfig> settings) {
        return new Endpoint(name, jdbcUrl, user, password, settings);
    }

    /** A new physical connection: a TCP connection, a start-up handshake and a server process. The caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** A fixed-size HikariCP pool of {@code size} connections to this endpoint (callers wait at most 5 s for one). */
    public HikariDataSource pool(String poolName, int size) {
        return pool(poolName, size, config -> { });
    }

    /** As {@link #pool(String, int)}, with further settings applied by {@code tune} before the pool starts. */
    public HikariDataSource pool(String poolName, int size, Consumer<HikariConfig> tune) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-" + poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        // HikariCP's advice: a fixed-size pool (minimumIdle = maximumPoolSize), opened once, ahead of traffic.
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(5_000);
        poolSettings.accept(config);
        tune.accept(config);
        return new HikariDataSource(config);
    }
}
