package workbook.labkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.infra.Infrastructure;
import workbook.labkit.infra.InfrastructureException;
import workbook.labkit.infra.PostgresServer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A fresh PostgreSQL database for one test class, on a real server started by the lab kit.
 * <pre>
 * &#64;RegisterExtension
 * static final Postgres db = Postgres.freshDatabase().withSetting("max_connections", "20");
 * ...
 * db.jdbc().update("create table ...");
 * </pre>
 * The database is created before the class's first test and dropped after its last. Outside JUnit
 * (an experiment's main method) call {@link #open()} and {@link #close()} yourself.
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static final Map<String, Postgres> KEPT = new HashMap<>();

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private PostgresServer server;
    private String databaseName;
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    private Postgres() {
    }

    public static Postgres freshDatabase() {
        return new Postgres();
    }

    /**
     * The database called {@code name}, built by {@code build} the first time it is asked for and kept,
     * open, until the JVM exits: for a big data set that the tests only read (lab 12's million orders).
     * It is kept here, in the lab kit, and not in a static field of a test class, because
     * {@code ./workbook watch} loads the tests afresh on every save: a test class's field would be
     * empty again and the data built again, for seconds, on every run. Build only what no student
     * code shapes; whoever uses the database must leave it as they found it (work in a transaction
     * that is rolled back, lab 12), or redo their part on it at the start of every run (lab 09 drops
     * and creates the student's indexes).
     */
    public static synchronized Postgres keptForTheJvm(String name, Supplier<Postgres> build) {
        return KEPT.computeIfAbsent(name, key -> build.get());
    }

    /** A postgresql.conf setting the server must have, e.g. {@code max_connections}; servers are shared per distinct settings. */
    public Postgres withSetting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public Postgres open() {
        return open("experiment");
    }

    private synchronized Postgres open(String label) {
        if (databaseName != null) {
            return this;
        }
        server = Infrastructure.backend().postgres(settings);
        databaseName = ("lab_" + label + "_" + DATABASE_COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + databaseName);
        } catch (SQLException e) {
            throw new InfrastructureException("Could not create the test database " + databaseName + ".",
                    "check that the PostgreSQL user may create databases (the embedded and docker backends' users can).", e);
        }
        return this;
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
    }

    @Override
    public synchronized void close() {
        if (databaseName == null) {
            return;
        }
        pools.forEach(HikariDataSource::close);
        pools.clear();
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            // FORCE: a test that leaked a connection must not stop the next class from getting a clean server.
            statement.execute("drop database if exists " + databaseName + " with (force)");
        } catch (SQLException e) {
            System.err.println("[labkit] could not drop " + databaseName + ": " + e.getMessage());
        }
        databaseName = null;
        dataSource = null;
        jdbc = null;
    }

    private void requireOpen() {
        if (databaseName == null) {
            throw new IllegalStateException("The database is not open yet: register Postgres with @RegisterExtension "
                    + "on a static field, or call open() outside JUnit.");
        }
    }

    public String jdbcUrl() {
        requireOpen();
        return server.jdbcUrl(databaseName);
    }

    /** The JDBC URL of this database reached through a Toxiproxy proxy (see {@link Toxi#postgres(Postgres)}). */
    public String jdbcUrl(Toxi.Proxied proxy) {
        requireOpen();
        return "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + "/" + databaseName;
    }

    public String databaseName() {
        requireOpen();
        return databaseName;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public PostgresServer server() {
        requireOpen();
        return server;
    }

    /** A shared pool of 10 connections to this database, closed with it. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = newPool(config -> config.setMaximumPoolSize(10));
        }
        return dataSource;
    }

    public synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            jdbc = new JdbcTemplate(dataSource());
        }
        return jdbc;
    }

    /** A new HikariCP pool to this database, configured by the caller; closed with the database. */
    public synchronized HikariDataSource newPool(Consumer<HikariConfig> configure) {
        return newPool(jdbcUrl(), configure);
    }

    /** A new HikariCP pool to any URL of this database (for example through a proxy); closed with the database. */
    public synchronized HikariDataSource newPool(String jdbcUrl, Consumer<HikariConfig> configure) {
        requireOpen();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setPoolName(databaseName + "-pool-" + (pools.size() + 1));
        configure.accept(config);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** A plain connection, not from a pool: the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.user(), server.password());
    }
}
