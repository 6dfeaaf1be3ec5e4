package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A million orders of 10,000 customers (the columns of {@link OrdersSchema}), built once per test JVM (a
 * few seconds) and kept by the lab kit for as long as the JVM lives, so that `./workbook watch`, which
 * loads this class afresh on every save, re-runs Task 1 without building it again. Test classes call {@link #database()} in {@code @BeforeAll}, so the build is not
 * counted in a test's time. Nobody changes it: work on it happens in a transaction that is rolled back,
 * indexes included (PostgreSQL's DDL is transactional).
 */
final class MillionOrders {
    static final int ROWS = 1_000_000;
    static final int CUSTOMERS = 10_000;

    private MillionOrders() {
    }

    static Postgres database() {
        return Postgres.keptForTheJvm("million-orders", MillionOrders::build);
    }

    private static Postgres build() {
        Postgres fresh = LabDatabase.fresh().open();
        JdbcTemplate jdbc = fresh.jdbc();
        // The orders table alone, unlogged (throwaway data needs no crash safety: skipping the write-ahead
        // log makes the fill about twice as fast, and changes nothing about how queries read the table),
        // and its primary key built once after the fill rather than updated a million times.
        jdbc.execute("""
                create unlogged table orders (
                    id bigint not null, customer_id int not null, created_at timestamptz not null,
                    status text not null, total_cents int not null
                )""");
        OrdersSchema.fill(jdbc, ROWS, CUSTOMERS);
        jdbc.execute("alter table orders add primary key (id)");
        // ANALYZE reads a random sample, so its estimate of how many customers there are changes from run
        // to run, and with it the planner's choice for a customer's page. State the true number.
        jdbc.execute("alter table orders alter column customer_id set (n_distinct = " + CUSTOMERS + ")");
        jdbc.execute("analyze orders");
        return fresh;
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
