package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Task 4: places orders and answers "how many orders has this customer placed?" without counting them. */
public final class OrderCounter {
    private final JdbcTemplate jdbc;
    private final BetweenSteps betweenSteps;

    public OrderCounter(DataSource dataSource, BetweenSteps betweenSteps) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.betweenSteps = betweenSteps;
    }

    /** Inserts an order for the customer and returns its id. */
    public long placeOrder(int customerId, int totalCents) {
        long orderId = jdbc.queryForObject("insert into orders (customer_id, total_cents) values (?, ?) returning id",
                Long.class, customerId, totalCents);
        betweenSteps.afterOrderInserted(orderId);
        // Task 4: keep a per-customer count in customer_order_counts, in the same transaction as the order.
        return orderId;
    }

    /** How many orders the customer has placed: one primary-key lookup, whatever the number. */
    public long orderCount(int customerId) {
        // Task 4: counts every order of the customer on every read.
        return jdbc.queryForObject("select count(*) from orders where customer_id = ?", Long.class, customerId);
    }
}
