package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A million orders of 10,000 customers, built once per test JVM (a few seconds) and kept for as long as
 * the JVM lives, so that `./workbook watch` re-runs Task 1 without building it again. Nobody changes it:
 * work on it happens in a transaction that is rolled back, indexes included (PostgreSQL's DDL is
 * transactional).
 */
final class MillionOrders {
    static final int ROWS = 1_000_000;
    static final int CUSTOMERS = 10_000;
    private static Postgres db;

    private MillionOrders() {
    }

    static synchronized Postgres database() {
        if (db == null) {
            Postgres fresh = LabDatabase.fresh().open();
            OrdersSchema.create(fresh.jdbc());
            // Throwaway data needs no crash safety: skipping the write-ahead log makes the fill about twice
            // as fast, and changes nothing about how queries read the table.
            fresh.jdbc().execute("alter table order_items set unlogged");
            fresh.jdbc().execute("alter table orders set unlogged");
            OrdersSchema.fill(fresh.jdbc(), ROWS, CUSTOMERS);
            // ANALYZE reads a random sample, so its estimate of how many customers there are changes from run
            // to run, and with it the planner's choice for a customer's page. State the true number.
            fresh.jdbc().execute("alter table orders alter column customer_id set (n_distinct = " + CUSTOMERS + ")");
            fresh.jdbc().execute("vacuum analyze orders");
            db = fresh;
        }
        return db;
    }

    /** Runs the work in a transaction on the million orders, and rolls it back whatever happens. */
    static <T> T inRolledBackTransaction(Function<JdbcTemplate, T> work) {
        try (Connection connection = database().connect()) {
            connection.setAutoCommit(false);
            try {
                return work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not use the million-order table: " + e.getMessage(), e);
        }
    }
}
