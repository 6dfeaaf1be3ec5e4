package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A schema change in the steps a deployment runs it, in this order: {@link #expand} before green
 * starts (blue still serving), {@link #backfill} once blue is gone, {@link #contract} in a later
 * release, once green no longer uses the old column.
 */
public interface SchemaChange {
    void expand(JdbcTemplate jdbc);

    /** Copies what green needs from the old column; returns the number of rows it changed. */
    int backfill(JdbcTemplate jdbc, int batchSize);

    void contract(JdbcTemplate jdbc);
}
