package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task 5: the new version, which calls the name {@code display_name}. What it reads and writes may
 * depend on its phase: beside blue, or alone once blue is gone and the backfill is done.
 * <p>
 * STARTER: the new column only, whatever the phase.
 */
public final class GreenCustomers implements Customers {
    private final JdbcTemplate jdbc;

    public GreenCustomers(JdbcTemplate jdbc, GreenPhase phase) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(long id, String name) {
        jdbc.update("INSERT INTO customers (id, display_name) VALUES (?, ?)", id, name);
    }

    @Override
    public void rename(long id, String name) {
        jdbc.update("UPDATE customers SET display_name = ? WHERE id = ?", name, id);
    }

    @Override
    public String nameOf(long id) {
        return jdbc.queryForObject("SELECT display_name FROM customers WHERE id = ?", String.class, id);
    }
}
