package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task 5: renaming {@code full_name} to {@code display_name} while blue and green both run.
 * <p>
 * STARTER: the one-step rename. Green works at once, and blue, still serving, breaks.
 */
public final class ExpandContract implements SchemaChange {

    @Override
    public void contract(JdbcTemplate jdbc) {
        // nothing left to drop: the rename did it all
    }

    @Override
    public int backfill(JdbcTemplate jdbc, int batchSize) {
        return 0; // the rename moved the data along with the column
    }

    @Override
    public void expand(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE customers RENAME COLUMN full_name TO display_name");
    }
}
