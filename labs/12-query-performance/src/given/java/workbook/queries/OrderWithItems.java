package workbook.queries;

import java.util.List;

/** An order and its lines, lines in id order; an order without lines has an empty list. */
public record OrderWithItems(Order order, List<OrderItem> items) {

    public OrderWithItems {
        items = List.copyOf(items);
    }
}
