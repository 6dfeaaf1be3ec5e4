package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

/** Task 1: the index behind the customer's order history ({@link CustomerHistory#latestOrders}). */
public final class OrderIndexes {
    private OrderIndexes() {
    }

    /** Creates the index that serves both the filter and the sort of the history query. */
    public static void create(JdbcTemplate jdbc) {
        // The equality column first, the range and sort column second: the index finds one customer's
        // entries, already in created_at order, so PostgreSQL walks them backwards from the newest and
        // stops after the limit, with no sort and no row it throws away.
        jdbc.execute("create index orders_customer_created on orders (customer_id, created_at)");
    }
}
