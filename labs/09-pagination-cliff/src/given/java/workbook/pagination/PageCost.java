package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * What one query cost PostgreSQL, read from its plan rather than from a stopwatch. Given: reading the
 * plan is yours, in {@link PlanReader} (Task 1).
 *
 * @param rowsRead  rows the plan read from the table: every row a scan node produced or threw away
 *                  (Rows Removed by Filter), times the number of times that node ran (Actual Loops)
 * @param buffers   8 kB pages the whole plan touched: Shared Hit Blocks + Shared Read Blocks of the top node
 * @param millis    the Execution Time PostgreSQL reported
 * @param nodeTypes the Node Type of every plan node, top first (for example Limit, Index Scan)
 * @param indexes   the Index Name of every node that used an index
 */
public record PageCost(long rowsRead, long buffers, double millis, List<String> nodeTypes, List<String> indexes) {

    public PageCost {
        nodeTypes = List.copyOf(nodeTypes);
        indexes = List.copyOf(indexes);
    }

    /**
     * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on the query, with its arguments, and reads
     * the cost from the plan. ANALYZE really executes the query, so the numbers are what happened.
     */
    public static PageCost explain(JdbcTemplate jdbc, SqlQuery query) {
        return PlanReader.explain(jdbc, query);
    }

    /** Whether any node of the plan sorts rows (Sort, Incremental Sort): an index in the right order needs none. */
    public boolean sorts() {
        return nodeTypes.stream().anyMatch(type -> type.contains("Sort"));
    }

    @Override
    public String toString() {
        return rowsRead + " rows read, " + buffers + " buffers, " + millis + " ms, plan " + nodeTypes
                + (indexes.isEmpty() ? "" : " on " + indexes);
    }
}
