package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** One row of {@code orders}. */
public record Order(long id, int customerId, Instant createdAt, String status, int totalCents) {

    /** The columns {@link #from} reads, for a {@code select} list. */
    public static final String COLUMNS = "id, customer_id, created_at, status, total_cents";

    /** The newest {@code limit} orders of the shop, newest first (ties broken by id, newest first). */
    public static List<Order> latest(JdbcTemplate jdbc, int limit) {
        return jdbc.query("select " + COLUMNS + " from orders order by created_at desc, id desc limit ?",
                (row, number) -> from(row), limit);
    }

    /** Reads the current row of a result set that selected {@link #COLUMNS}. */
    public static Order from(ResultSet row) throws SQLException {
        return new Order(row.getLong("id"), row.getInt("customer_id"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getString("status"), row.getInt("total_cents"));
    }
}
