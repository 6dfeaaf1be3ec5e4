package workbook.pooling;

import workbook.labkit.Postgres;
import workbook.labkit.Toxi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The lab's PostgreSQL: one server with a small max_connections, shared by every test class of the lab. */
final class LabDatabase {
    /** The server's hard limit on connections (postgresql.conf max_connections). */
    static final int MAX_CONNECTIONS = 20;

    private LabDatabase() {
    }

    static Postgres fresh() {
        return Postgres.freshDatabase().withSetting("max_connections", Integer.toString(MAX_CONNECTIONS));
    }

    static Endpoint direct(Postgres db) {
        return new Endpoint("primary", db.jdbcUrl(), db.user(), db.password());
    }

    /** The same database reached through a Toxiproxy proxy, under another name. */
    static Endpoint through(Postgres db, Toxi.Proxied proxy, String name) {
        return new Endpoint(name, db.jdbcUrl(proxy), db.user(), db.password());
    }

    interface Setup {
        void on(Connection connection) throws SQLException;
    }

    static void setUp(Postgres db, Setup setup) throws SQLException {
        try (Connection connection = db.connect()) {
            setup.on(connection);
        }
    }

    /** Server processes connected to this test's database right now, other than the one asking. */
    static int connectionsAtServer(Postgres db) throws SQLException {
        return count(db, "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    }

    static int count(Postgres db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Ends one server process, as a failover, an idle timeout or an administrator would. */
    static void terminate(Postgres db, int backendPid) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(" + backendPid + ")");
        }
    }
}
