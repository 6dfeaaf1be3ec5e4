package workbook.queries;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code order_items}: a line of an order. */
public record OrderItem(long id, long orderId, String sku, int quantity, int priceCents) {

    /** The columns {@link #from} reads, for a {@code select} list. */
    public static final String COLUMNS = "id, order_id, sku, quantity, price_cents";

    /** Reads the current row of a result set that selected {@link #COLUMNS}. */
    public static OrderItem from(ResultSet row) throws SQLException {
        return new OrderItem(row.getLong("id"), row.getLong("order_id"), row.getString("sku"),
                row.getInt("quantity"), row.getInt("price_cents"));
    }
}
