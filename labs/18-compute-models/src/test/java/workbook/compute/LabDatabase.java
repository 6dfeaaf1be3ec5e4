package workbook.compute;

import workbook.labkit.Postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Task 4's PostgreSQL: a small max_connections, as in lab 10, and the orders table. */
final class LabDatabase {
    /** The server's hard limit on connections (postgresql.conf max_connections). */
    static final int MAX_CONNECTIONS = 20;
    /** The application_name the data service's connections carry, so that they can be counted. */
    static final String SERVICE = "data-service";

    private LabDatabase() {
    }

    static Postgres fresh() {
        return Postgres.freshDatabase().withSetting("max_connections", Integer.toString(MAX_CONNECTIONS));
    }

    static void createOrders(Postgres db) throws SQLException {
        try (Connection connection = db.connect()) {
            Orders.create(connection);
        }
    }

    static DatabaseAddress direct(Postgres db) {
        return new DatabaseAddress(db.jdbcUrl(), db.user(), db.password());
    }

    /** The same database, with connections that say they are the data service's. */
    static DatabaseAddress forService(Postgres db) {
        return new DatabaseAddress(db.jdbcUrl() + "?ApplicationName=" + SERVICE, db.user(), db.password());
    }

    /** The data service's connections at the server now. */
    static int serviceConnections(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "select count(*) from pg_stat_activity where application_name = '" + SERVICE + "'")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Counts the data service's connections at the server every few milliseconds while it runs; keeps the largest count. */
    static final class ConnectionWatch implements AutoCloseable {
        private final AtomicInteger peak = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Connection connection;

        ConnectionWatch(Postgres db) throws SQLException {
            connection = db.connect();
            thread = new Thread(this::watch, "connection-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            try (Statement statement = connection.createStatement()) {
                while (running.get()) {
                    peak.accumulateAndGet(serviceConnections(statement), Math::max);
                    Thread.sleep(2);
                }
            } catch (SQLException | InterruptedException e) {
                running.set(false);
            }
        }

        int peak() {
            return peak.get();
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join(2_000);
            connection.close();
        }
    }
}
