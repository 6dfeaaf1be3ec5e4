package workbook.queries;

/**
 * One normalized statement as {@code pg_stat_statements} sums it up (Task 6): its text with the constants
 * replaced by {@code $1, $2...}, how often it ran, the rows it returned or wrote in total, and the 8 kB
 * shared buffers it touched in total (hit + read).
 */
public record StatementCost(String query, long calls, long rows, long buffers) {
}
