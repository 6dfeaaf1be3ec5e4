package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/** The version running today (blue): it knows the column {@code full_name} and nothing else. */
public final class BlueCustomers implements Customers {
    private final JdbcTemplate jdbc;

    public BlueCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The table as blue's release created it. */
    public static void createTable(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE customers (id bigint PRIMARY KEY, full_name text)");
    }

    @Override
    public void create(long id, String name) {
        jdbc.update("INSERT INTO customers (id, full_name) VALUES (?, ?)", id, name);
    }

    @Override
    public void rename(long id, String name) {
        jdbc.update("UPDATE customers SET full_name = ? WHERE id = ?", name, id);
    }

    @Override
    public String nameOf(long id) {
        return jdbc.queryForObject("SELECT full_name FROM customers WHERE id = ?", String.class, id);
    }
}
