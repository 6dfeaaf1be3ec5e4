package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Task 6: what the server's own statistics say about indexes and statements. */
public final class IndexAudit {
    private IndexAudit() {
    }

    /**
     * Indexes of the table that no query has used since statistics were last reset, by name, leaving out
     * unique ones (they enforce a constraint even when no query reads them).
     */
    public static List<String> unusedIndexes(JdbcTemplate jdbc, String table) {
        throw new UnsupportedOperationException("Task 6: read idx_scan from pg_stat_user_indexes for " + table);
    }

    /** The statements of this database that touched the most shared buffers in total, most first. */
    public static List<StatementCost> heaviestStatements(JdbcTemplate jdbc, int limit) {
        throw new UnsupportedOperationException("Task 6: read the heaviest statements from pg_stat_statements");
    }
}
