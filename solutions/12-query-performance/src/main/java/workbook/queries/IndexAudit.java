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
        return jdbc.queryForList("""
                select s.indexrelname
                from pg_stat_user_indexes s join pg_index i on i.indexrelid = s.indexrelid
                where s.relname = ? and s.idx_scan = 0 and not i.indisunique
                order by s.indexrelname""", String.class, table);
    }

    /** The statements of this database that touched the most shared buffers in total, most first. */
    public static List<StatementCost> heaviestStatements(JdbcTemplate jdbc, int limit) {
        // pg_stat_statements is server-wide: keep to the current database.
        return jdbc.query("""
                select query, calls, rows, shared_blks_hit + shared_blks_read as buffers
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                order by buffers desc, query
                limit ?""",
                (row, number) -> new StatementCost(row.getString("query"), row.getLong("calls"),
                        row.getLong("rows"), row.getLong("buffers")), limit);
    }
}
