package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

/** Task 1: what a query cost PostgreSQL, read from its plan ({@link PageCost#explain} calls this). */
final class PlanReader {
    private PlanReader() {
    }

    /**
     * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on the query, with its arguments, and reads
     * the cost from the plan. ANALYZE really executes the query, so the numbers are what happened.
     */
    static PageCost explain(JdbcTemplate jdbc, SqlQuery query) {
        throw new UnsupportedOperationException("Task 1: run EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on the query "
                + "and read rows read, buffers, node types and indexes from the JSON plan");
    }
}
