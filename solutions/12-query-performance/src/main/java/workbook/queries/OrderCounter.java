package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** Task 4: places orders and answers "how many orders has this customer placed?" without counting them. */
public final class OrderCounter {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BetweenSteps betweenSteps;

    public OrderCounter(DataSource dataSource, BetweenSteps betweenSteps) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.betweenSteps = betweenSteps;
    }

    /** Inserts an order for the customer and returns its id. */
    public long placeOrder(int customerId, int totalCents) {
        // One transaction: the order and its count commit together or not at all.
        return transaction.execute(status -> {
            long orderId = jdbc.queryForObject(
                    "insert into orders (customer_id, total_cents) values (?, ?) returning id",
                    Long.class, customerId, totalCents);
            betweenSteps.afterOrderInserted(orderId);
            // One atomic statement: the row lock taken by the update makes concurrent writers wait
            // for each other, so no increment is lost. The first order of a customer inserts the row.
            jdbc.update("""
                    insert into customer_order_counts (customer_id, orders) values (?, 1)
                    on conflict (customer_id) do update set orders = customer_order_counts.orders + 1""",
                    customerId);
            return orderId;
        });
    }

    /** How many orders the customer has placed: one primary-key lookup, whatever the number. */
    public long orderCount(int customerId) {
        return jdbc.queryForObject(
                "select coalesce((select orders from customer_order_counts where customer_id = ?), 0)",
                Long.class, customerId);
    }
}
