package workbook.labkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workbook.labkit.infra.Infrastructure;
import workbook.labkit.infra.InfrastructureException;
import workbook.labkit.infra.PostgresServer;
import workbook.labkit.infra.ReplicationCluster;
import workbook.labkit.infra.ToxiproxyEndpoint;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fresh database on a PostgreSQL primary with 1 or 2 real streaming standbys (lab 11).
 * <pre>
 * &#64;RegisterExtension
 * static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);
 * ...
 * cluster.primary()            // a pool to the database on the primary (read-write)
 * cluster.standby(0)           // a pool to the same database on the first standby (read-only)
 * cluster.replicationLink(0)   // the Toxiproxy proxy the first standby's WAL comes through
 *     .toxics().latency("lag", ToxicDirection.DOWNSTREAM, 500);
 * </pre>
 * The servers start once per JVM (the embedded backend makes each standby from a base backup of the
 * primary); the database is created before the class's first test, replicated, and dropped after its
 * last. After each test the links are healed (toxics removed, proxies enabled) and the test waits
 * until every standby has replayed everything the primary wrote, so the next test starts level.
 */
public final class ReplicatedPostgres implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    /** How long {@link #awaitReplayed()} waits for a standby to catch up. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final int standbyCount;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Toxi.Proxied> links = new ArrayList<>();
    private ReplicationCluster cluster;
    private String databaseName;
    private DataSource primaryPool;
    private final List<DataSource> standbyPools = new ArrayList<>();

    private ReplicatedPostgres(int standbyCount) {
        if (standbyCount < 1 || standbyCount > 2) {
            throw new IllegalArgumentException("primaryWithStandbys takes 1 or 2, not " + standbyCount);
        }
        this.standbyCount = standbyCount;
    }

    public static ReplicatedPostgres primaryWithStandbys(int standbys) {
        return new ReplicatedPostgres(standbys);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        heal();
        awaitReplayed();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public ReplicatedPostgres open() {
        return open("experiment");
    }

    private synchronized ReplicatedPostgres open(String label) {
        if (databaseName != null) {
            return this;
        }
        cluster = Infrastructure.backend().replication(standbyCount);
        databaseName = ("lab_" + label + "_" + DATABASE_COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        PostgresServer primary = cluster.primary();
        try (Connection admin = DriverManager.getConnection(primary.jdbcUrl("postgres"), primary.user(), primary.password());
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + databaseName);
        } catch (SQLException e) {
            throw new InfrastructureException("Could not create the test database " + databaseName + " on the primary.",
                    "check that the PostgreSQL user may create databases (the embedded and docker backends' users can).", e);
        }
        ToxiproxyEndpoint endpoint = Infrastructure.backend().toxiproxy();
        ToxiproxyClient client = new ToxiproxyClient(endpoint.apiHost(), endpoint.apiPort());
        for (ReplicationCluster.Standby standby : cluster.standbys()) {
            try {
                Proxy proxy = client.getProxy(standby.linkProxy());
                ToxiproxyEndpoint.HostPort address = endpoint.connectAddressFor(proxy.getListen());
                links.add(new Toxi.Proxied(proxy, address.host(), address.port()));
            } catch (IOException e) {
                throw new InfrastructureException("Could not find the Toxiproxy proxy " + standby.linkProxy() + " of " + standby.name() + ".",
                        "check that Toxiproxy is running (./workbook doctor).", e);
            }
        }
        heal();
        awaitReplayed();
        return this;
    }

    private void requireOpen() {
        if (databaseName == null) {
            throw new IllegalStateException("The cluster is not open yet: register ReplicatedPostgres with @RegisterExtension "
                    + "on a static field, or call open() outside JUnit.");
        }
    }

    public String databaseName() {
        requireOpen();
        return databaseName;
    }

    public int standbyCount() {
        return standbyCount;
    }

    public PostgresServer primaryServer() {
        requireOpen();
        return cluster.primary();
    }

    public PostgresServer standbyServer(int index) {
        requireOpen();
        return cluster.standbys().get(index).server();
    }

    /** The standby's name as it tells the primary ({@code application_name}): standby1, standby2. */
    public String standbyName(int index) {
        requireOpen();
        return cluster.standbys().get(index).name();
    }

    public String primaryUrl() {
        return primaryServer().jdbcUrl(databaseName);
    }

    public String standbyUrl(int index) {
        return standbyServer(index).jdbcUrl(databaseName);
    }

    /** The test database on a server reached through a proxy in front of it (made with {@link Toxi#proxy}). */
    public String jdbcUrl(Toxi.Proxied proxy) {
        requireOpen();
        return "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + "/" + databaseName;
    }

    /** Where Toxiproxy reaches this standby, {@code host:port}, to put a proxy in front of it with {@link Toxi#proxy}. */
    public String standbyUpstream(int index) {
        PostgresServer server = standbyServer(index);
        return server.internalHost() + ":" + server.internalPort();
    }

    /** A shared pool of 10 connections to the database on the primary. */
    public synchronized DataSource primary() {
        if (primaryPool == null) {
            primaryPool = newPool(primaryUrl(), config -> config.setMaximumPoolSize(10));
        }
        return primaryPool;
    }

    /** A shared pool of 10 connections to the database on standby {@code index} (0-based). */
    public synchronized DataSource standby(int index) {
        while (standbyPools.size() <= index) {
            int next = standbyPools.size();
            standbyPools.add(newPool(standbyUrl(next), config -> config.setMaximumPoolSize(10)));
        }
        return standbyPools.get(index);
    }

    /** The Toxiproxy proxy standby {@code index} receives WAL through: a latency toxic delays replication, disable() stops it. */
    public Toxi.Proxied replicationLink(int index) {
        requireOpen();
        return links.get(index);
    }

    /** A new HikariCP pool to a URL of this database, configured by the caller; closed with the database. */
    public synchronized HikariDataSource newPool(String jdbcUrl, Consumer<HikariConfig> configure) {
        requireOpen();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(cluster.primary().user());
        config.setPassword(cluster.primary().password());
        config.setPoolName(databaseName + "-pool-" + (pools.size() + 1));
        configure.accept(config);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** How many bytes of WAL standby {@code index} has still to replay: the primary's current position minus its replay position. */
    public long replayLagBytes(int index) {
        requireOpen();
        try (Connection primary = connect(cluster.primary()); Connection standby = connect(standbyServer(index))) {
            String current = text(primary, "select pg_current_wal_lsn()::text");
            try (PreparedStatement diff = standby.prepareStatement("select pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn())::bigint")) {
                diff.setString(1, current);
                try (ResultSet row = diff.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("Could not measure the replay lag of " + standbyName(index) + ".",
                    "check that the standby is running.", e);
        }
    }

    /** Waits until every standby has replayed all WAL the primary had written when this was called. */
    public void awaitReplayed() {
        requireOpen();
        try (Connection primary = connect(cluster.primary())) {
            String target = text(primary, "select pg_current_wal_lsn()::text");
            for (int i = 0; i < cluster.standbys().size(); i++) {
                awaitReplayed(i, target);
            }
        } catch (SQLException e) {
            throw new InfrastructureException("Could not read the primary's WAL position.", "check that the primary is running.", e);
        }
    }

    /** Waits until standby {@code index} has replayed all WAL the primary had written when this was called. */
    public void awaitReplayed(int index) {
        requireOpen();
        try (Connection primary = connect(cluster.primary())) {
            awaitReplayed(index, text(primary, "select pg_current_wal_lsn()::text"));
        } catch (SQLException e) {
            throw new InfrastructureException("Could not read the primary's WAL position.", "check that the primary is running.", e);
        }
    }

    private void awaitReplayed(int index, String lsn) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection standby = connect(standbyServer(index));
                 PreparedStatement caughtUp = standby.prepareStatement(
                         "select coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0, false)")) {
                caughtUp.setString(1, lsn);
                try (ResultSet row = caughtUp.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return;
                    }
                }
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new InfrastructureException(standbyName(index) + " did not replay up to " + lsn + " within " + CATCH_UP.toSeconds() + " s"
                + (last == null ? "." : ": " + last.getMessage()),
                "check that its replication link is enabled and without toxics (this extension heals it after each test).", null);
    }

    /** Removes every toxic from the replication links and enables them. */
    public synchronized void heal() {
        for (Toxi.Proxied link : links) {
            try {
                for (Toxic toxic : link.proxy().toxics().getAll()) {
                    toxic.remove();
                }
                link.proxy().enable();
            } catch (IOException e) {
                throw new InfrastructureException("Could not heal the replication link " + link.proxy().getName() + ".",
                        "check that Toxiproxy is running.", e);
            }
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public synchronized void close() {
        if (databaseName == null) {
            return;
        }
        pools.forEach(HikariDataSource::close);
        pools.clear();
        standbyPools.clear();
        primaryPool = null;
        heal();
        links.clear();
        PostgresServer primary = cluster.primary();
        try (Connection admin = connect(primary); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + databaseName + " with (force)");
        } catch (SQLException e) {
            System.err.println("[labkit] could not drop " + databaseName + ": " + e.getMessage());
        }
        databaseName = null;
    }
}
