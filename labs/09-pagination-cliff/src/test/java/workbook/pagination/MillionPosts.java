package workbook.pagination;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The million-row {@code posts} table, shared, read-only, by every test class that registers it. Its
 * rows and primary key take seconds to build, so the lab kit keeps them for as long as the JVM lives
 * ({@link Postgres#keptForTheJvm}): {@code ./workbook watch}, which loads the tests afresh on every
 * save, does not build them again. Your indexes are not kept: every run (a {@code mvn test}, a save in
 * watch mode) drops the ones an earlier run made and creates those of today's {@link PostIndexes}, so
 * the tests always see the indexes your code creates now. Tests that write build a small table of their own.
 */
final class MillionPosts implements BeforeAllCallback {
    static final int ROWS = 1_000_000;
    static final int POSTS_PER_SECOND = 10;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MillionPosts.class);

    private Postgres rows;
    private ExtensionContext.Store run;

    static MillionPosts shared() {
        return new MillionPosts();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        rows = Postgres.keptForTheJvm("lab-09-million-posts", MillionPosts::buildRows);
        // JUnit's root store lasts one run (one launcher execution): the indexes are made once per run.
        run = context.getRoot().getStore(NAMESPACE);
    }

    /** The rows and the primary key, as {@link PostsTable} makes them: nothing in them comes from your code. */
    private static Postgres buildRows() {
        Postgres db = Postgres.freshDatabase().open();
        JdbcTemplate jdbc = db.jdbc();
        PostsTable.create(jdbc);
        // Throwaway test data needs no crash safety: skipping the write-ahead log makes the fill about
        // twice as fast. It changes nothing about how queries read the table.
        jdbc.execute("alter table posts set unlogged");
        // Kept for a whole watch session, the table must not change under the tests: no autovacuum, which
        // would mark pages all-visible at some moment (and so change plans) and hold a lock that the next
        // run's index changes would wait for.
        jdbc.execute("alter table posts set (autovacuum_enabled = false)");
        PostsTable.fill(jdbc, ROWS, POSTS_PER_SECOND);
        jdbc.execute("alter table posts add primary key (id)");
        return db;
    }

    /**
     * What {@link PostsTable#createIndexes} does after the primary key, on the kept rows: remove every
     * other index an earlier run left (with the unique or exclusion constraint that owns it, if any),
     * then your {@link PostIndexes#create}, then fresh planner statistics.
     */
    private static String indexesOfThisRun(Postgres rows) {
        try (Connection connection = rows.connect()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            // Only a connection left inside a transaction on the table (a test of an earlier run still
            // going) could hold up the changes below: fail with a reason rather than hang.
            jdbc.execute("set lock_timeout = '10s'");
            for (String constraint : jdbc.queryForList("""
                    select quote_ident(conname) from pg_constraint
                    where conrelid = 'posts'::regclass and contype in ('u', 'x')""", String.class)) {
                jdbc.execute("alter table posts drop constraint " + constraint);
            }
            for (String index : jdbc.queryForList("""
                    select indexrelid::regclass::text from pg_index
                    where indrelid = 'posts'::regclass and indexrelid <> 'posts_pkey'::regclass""", String.class)) {
                jdbc.execute("drop index " + index);
            }
            PostIndexes.create(jdbc);
            jdbc.execute("analyze posts");
            return "indexes of this run";
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the million-row table: " + e.getMessage(), e);
        }
    }

    /**
     * The million posts with the indexes of today's {@link PostIndexes}. The first call of a run makes
     * them, inside the test that calls it rather than in a set-up method: mutation testing (PIT) credits
     * the code a test runs to that test, and set-up code to one test only, so a mutant of your indexes
     * is tried against the tests that read the table.
     */
    JdbcTemplate jdbc() {
        run.getOrComputeIfAbsent("indexes", key -> indexesOfThisRun(rows));
        return rows.jdbc();
    }
}
