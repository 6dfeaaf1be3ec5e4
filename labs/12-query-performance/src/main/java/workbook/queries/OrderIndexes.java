package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

/** Task 1: the index behind the customer's order history ({@link CustomerHistory#latestOrders}). */
public final class OrderIndexes {
    private OrderIndexes() {
    }

    /** Creates the index that serves both the filter and the sort of the history query. */
    public static void create(JdbcTemplate jdbc) {
        // Task 1: no index yet, so every history page reads the whole orders table.
    }
}
