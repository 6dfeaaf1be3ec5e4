package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server's statistics say: your {@link IndexAudit} on pg_stat_user_indexes and pg_stat_statements. */
@Task(6)
class Task6IndexCostTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void statistics() {
        db.jdbc().execute("create extension if not exists pg_stat_statements");
    }

    /**
     * Runs the work on a connection of its own. A session sends its index statistics to the server when it
     * goes idle, at most once a second; pg_stat_force_next_flush makes the next time immediate, so they are
     * visible to every session as soon as this returns.
     */
    static void inOwnSession(Postgres db, Consumer<JdbcTemplate> work) {
        try (Connection connection = db.connect()) {
            JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            work.accept(session);
            session.execute("select pg_stat_force_next_flush()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void resetStatements(JdbcTemplate jdbc) {
        jdbc.execute("select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)");
    }

    @Test
    void the_unused_indexes_are_the_ones_no_query_read() {
        JdbcTemplate jdbc = db.jdbc();
        jdbc.execute("create table audited (id bigint primary key, customer_id int, created_at timestamptz, status text, total_cents int)");
        jdbc.update("""
                insert into audited select g, 1 + g % 500, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
                                           (array['paid', 'shipped'])[1 + g % 2], g % 1000
                from generate_series(1, 20000) g""");
        for (String column : List.of("customer_id", "created_at", "status", "total_cents")) {
            jdbc.execute("create index audited_" + column + " on audited (" + column + ")");
        }
        jdbc.execute("create unique index audited_created_at_id on audited (created_at, id)");
        jdbc.execute("analyze audited");

        inOwnSession(db, session -> {
            for (int customer = 1; customer <= 3; customer++) {
                Plan plan = Plan.explain(session, SqlQuery.of("select * from audited where customer_id = ?", customer));
                assertThat(plan.indexes()).as("set-up: the lookup by customer uses its index").containsExactly("audited_customer_id");
            }
            Plan byTime = Plan.explain(session, SqlQuery.of("select * from audited where created_at < '2024-01-01 01:00+00'"));
            assertThat(byTime.indexes()).as("set-up: the lookup by time uses its index").containsExactly("audited_created_at");
        });

        assertThat(IndexAudit.unusedIndexes(jdbc, "audited"))
                .as("indexes of 'audited' that no query used, by name: each still costs every insert and update. "
                        + "The primary key and the unique index enforce constraints and stay")
                .containsExactly("audited_status", "audited_total_cents");
    }

    @Test
    void the_heaviest_statements_come_first_with_their_calls_and_buffers() {
        JdbcTemplate jdbc = db.jdbc();
        ProductsTable.create(jdbc);
        ProductsTable.fill(jdbc, 5_000);
        jdbc.execute("vacuum analyze products");
        long pages = jdbc.queryForObject("select relpages from pg_class where relname = 'products'", Long.class);

        inOwnSession(db, session -> {
            resetStatements(session);
            for (int run = 0; run < 3; run++) {
                session.queryForObject("select count(*) from products where name like ?", Long.class, "%abc%");
            }
            for (int id = 1; id <= 10; id++) {
                session.queryForObject("select name from products where id = ?", String.class, id);
            }
        });

        List<StatementCost> heaviest = IndexAudit.heaviestStatements(jdbc, 2);
        assertThat(heaviest).as("the 2 heaviest statements of this database").hasSize(2);
        StatementCost scan = heaviest.get(0);
        assertThat(scan.query()).as("the heaviest statement: the one that reads the whole table")
                .isEqualTo("select count(*) from products where name like $1");
        assertThat(List.of(scan.calls(), scan.rows())).as("calls and rows of %s", scan).containsExactly(3L, 3L);
        assertThat(scan.buffers()).as("buffers of 3 whole-table scans of %s pages: %s", pages, scan)
                .isEqualTo(3 * pages);
        StatementCost lookup = heaviest.get(1);
        assertThat(lookup.query()).as("the next: 10 primary-key lookups")
                .isEqualTo("select name from products where id = $1");
        assertThat(List.of(lookup.calls(), lookup.rows())).as("calls and rows of %s", lookup).containsExactly(10L, 10L);
    }

    @Test
    void every_index_makes_every_insert_touch_more_pages() {
        JdbcTemplate jdbc = db.jdbc();
        for (int indexes : new int[]{0, 3, 8}) {
            jdbc.execute("create table written_" + indexes + " (a int, b int, c int, d int, e int, f int, g int, h int)");
            for (int column = 0; column < indexes; column++) {
                char name = (char) ('a' + column);
                jdbc.execute("create index on written_" + indexes + " (" + name + ")");
            }
        }
        inOwnSession(db, session -> {
            resetStatements(session);
            for (int indexes : new int[]{0, 3, 8}) {
                for (int row = 0; row < 200; row++) {
                    session.update("insert into written_" + indexes + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                            row, row * 7 % 200, row * 11 % 200, row * 13 % 200, row, row, row, row);
                }
            }
        });

        List<StatementCost> statements = IndexAudit.heaviestStatements(jdbc, 20);
        double none = buffersPerInsert(statements, 0);
        double three = buffersPerInsert(statements, 3);
        double eight = buffersPerInsert(statements, 8);
        assertThat(three).as("buffers per insert with 3 indexes against none (%s)", none).isGreaterThan(2 * none);
        assertThat(eight).as("buffers per insert with 8 indexes against 3 (%s) and none (%s): every index is "
                + "one more tree to descend and one more page to write on every insert", three, none)
                .isGreaterThan(1.5 * three)
                .isGreaterThan(5 * none);
    }

    private static double buffersPerInsert(List<StatementCost> statements, int indexes) {
        StatementCost insert = statements.stream()
                .filter(statement -> statement.query().startsWith("insert into written_" + indexes + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no insert into written_" + indexes
                        + " among the 20 heaviest statements: " + statements.stream().map(StatementCost::query).toList()));
        assertThat(insert.calls()).as("calls of %s", insert.query()).isEqualTo(200);
        return (double) insert.buffers() / insert.calls();
    }
}
