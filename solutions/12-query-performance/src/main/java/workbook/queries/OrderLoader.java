package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Task 3: the newest orders with their lines, for the back office's order list. */
public final class OrderLoader {
    private final JdbcTemplate jdbc;

    public OrderLoader(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The newest {@code limit} orders, newest first, each with its lines in id order. */
    public List<OrderWithItems> latest(int limit) {
        List<Order> orders = Order.latest(jdbc, limit);
        Long[] orderIds = orders.stream().map(Order::id).toArray(Long[]::new);
        // One statement for the lines of every order, instead of one per order.
        Map<Long, List<OrderItem>> itemsByOrder = new HashMap<>();
        jdbc.query("select " + OrderItem.COLUMNS + " from order_items where order_id = any(?) order by id",
                row -> {
                    OrderItem item = OrderItem.from(row);
                    itemsByOrder.computeIfAbsent(item.orderId(), id -> new ArrayList<>()).add(item);
                }, (Object) orderIds);
        return orders.stream()
                .map(order -> new OrderWithItems(order, itemsByOrder.getOrDefault(order.id(), List.of())))
                .toList();
    }
}
