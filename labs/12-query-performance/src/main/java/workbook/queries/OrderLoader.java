package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/** Task 3: the newest orders with their lines, for the back office's order list. */
public final class OrderLoader {
    private final JdbcTemplate jdbc;

    public OrderLoader(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The newest {@code limit} orders, newest first, each with its lines in id order. */
    public List<OrderWithItems> latest(int limit) {
        List<OrderWithItems> result = new ArrayList<>();
        for (Order order : Order.latest(jdbc, limit)) {
            // Task 3: one more round trip for every order (N+1 statements).
            List<OrderItem> items = jdbc.query(
                    "select " + OrderItem.COLUMNS + " from order_items where order_id = ? order by id",
                    (row, number) -> OrderItem.from(row), order.id());
            result.add(new OrderWithItems(order, items));
        }
        return result;
    }
}
