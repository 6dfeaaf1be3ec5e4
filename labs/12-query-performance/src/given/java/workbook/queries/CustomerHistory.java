package workbook.queries;

import java.time.OffsetDateTime;

/**
 * The query behind a customer's order history page (Task 1): one customer's orders since a date, newest
 * first, one page at a time. Given: the query is fine; what it lacks is an index.
 */
public final class CustomerHistory {
    private CustomerHistory() {
    }

    public static SqlQuery latestOrders(int customerId, OffsetDateTime since, int limit) {
        return SqlQuery.of("select " + Order.COLUMNS + " from orders"
                + " where customer_id = ? and created_at >= ? order by created_at desc limit ?",
                customerId, since, limit);
    }
}
