package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, exact order data for Tasks 3 and 4, and the expected answers read back without the code under test. */
final class ShopData {
    private ShopData() {
    }

    /**
     * Inserts {@code orders} orders whose ids are not in time order, then their lines, interleaved so that
     * an order's lines do not have neighbouring ids. Order {@code i} has {@code linesOf(i)} lines.
     */
    static void ordersWithLines(JdbcTemplate jdbc, int orders, java.util.function.IntUnaryOperator linesOf) {
        jdbc.update("""
                insert into orders (id, customer_id, created_at, status, total_cents)
                select g, 1 + g % 7,
                       timestamptz '2025-03-01 09:00:00+00' + ((g * 37) % ?) * interval '1 minute',
                       'paid', 500 + g
                from generate_series(1, ?) g""", orders, orders);
        int maxLines = 0;
        for (int order = 1; order <= orders; order++) {
            maxLines = Math.max(maxLines, linesOf.applyAsInt(order));
        }
        for (int line = 1; line <= maxLines; line++) {
            for (int order = 1; order <= orders; order++) {
                if (line <= linesOf.applyAsInt(order)) {
                    jdbc.update("insert into order_items (order_id, sku, quantity, price_cents) values (?, ?, ?, ?)",
                            order, "SKU-" + order + "-" + line, line, 100 * line + order);
                }
            }
        }
        jdbc.execute("analyze orders");
        jdbc.execute("analyze order_items");
    }

    /** The newest {@code limit} orders with their lines, read with plain queries. */
    static List<OrderWithItems> expectedLatest(JdbcTemplate jdbc, int limit) {
        Map<Long, List<OrderItem>> lines = new LinkedHashMap<>();
        jdbc.query("select " + OrderItem.COLUMNS + " from order_items order by id", row -> {
            OrderItem item = OrderItem.from(row);
            lines.computeIfAbsent(item.orderId(), id -> new ArrayList<>()).add(item);
        });
        return Order.latest(jdbc, limit).stream()
                .map(order -> new OrderWithItems(order, lines.getOrDefault(order.id(), List.of())))
                .toList();
    }
}
