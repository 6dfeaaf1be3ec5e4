package workbook.pagination;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.Postgres;

/**
 * The million-row {@code posts} table, built once per test run and shared, read-only, by every test
 * class that registers it: a million rows take a few seconds to build, too long to repeat per class.
 * JUnit drops the database when the whole run ends. Tests that write build a small table of their own.
 */
final class MillionPosts implements BeforeAllCallback {
    static final int ROWS = 1_000_000;
    static final int POSTS_PER_SECOND = 10;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MillionPosts.class);

    private Postgres db;

    static MillionPosts shared() {
        return new MillionPosts();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store lives for the whole run and closes what it holds (Postgres is AutoCloseable) at the end.
        db = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("posts", key -> build(), Postgres.class);
    }

    private static Postgres build() {
        Postgres db = Postgres.freshDatabase().open();
        PostsTable.create(db.jdbc());
        // Throwaway test data needs no crash safety: skipping the write-ahead log makes the fill about
        // twice as fast. It changes nothing about how queries read the table.
        db.jdbc().execute("alter table posts set unlogged");
        PostsTable.fill(db.jdbc(), ROWS, POSTS_PER_SECOND);
        PostsTable.createIndexes(db.jdbc());
        return db;
    }

    JdbcTemplate jdbc() {
        return db.jdbc();
    }
}
