package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task 5: renaming {@code full_name} to {@code display_name} while blue and green both run, in the
 * expand and contract pattern. Expand only adds (blue never notices); the backfill copies in small
 * batches once blue is gone; contract drops the old column a release later.
 */
public final class ExpandContract implements SchemaChange {

    @Override
    public void expand(JdbcTemplate jdbc) {
        // Adding a nullable column with no default is a catalog change: no table rewrite, blue's SQL still works.
        jdbc.execute("ALTER TABLE customers ADD COLUMN IF NOT EXISTS display_name text");
    }

    @Override
    public int backfill(JdbcTemplate jdbc, int batchSize) {
        int total = 0;
        int changed;
        do {
            // Short transactions: each batch locks at most batchSize rows.
            changed = jdbc.update("UPDATE customers SET display_name = full_name WHERE id IN ("
                    + "SELECT id FROM customers WHERE display_name IS DISTINCT FROM full_name "
                    + "ORDER BY id LIMIT ?)", batchSize);
            total += changed;
        } while (changed == batchSize);
        return total;
    }

    @Override
    public void contract(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE customers DROP COLUMN IF EXISTS full_name");
    }
}
