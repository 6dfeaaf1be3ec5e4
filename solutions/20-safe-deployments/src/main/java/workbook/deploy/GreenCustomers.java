package workbook.deploy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task 5: the new version, which calls the name {@code display_name}. Beside blue it writes both
 * columns and reads the old one, the one blue keeps current; alone (blue gone, backfill done) it
 * uses the new column only, so the old one can be dropped.
 */
public final class GreenCustomers implements Customers {
    private final JdbcTemplate jdbc;
    private final GreenPhase phase;

    public GreenCustomers(JdbcTemplate jdbc, GreenPhase phase) {
        this.jdbc = jdbc;
        this.phase = phase;
    }

    @Override
    public void create(long id, String name) {
        if (phase == GreenPhase.BESIDE_BLUE) {
            jdbc.update("INSERT INTO customers (id, full_name, display_name) VALUES (?, ?, ?)", id, name, name);
        } else {
            jdbc.update("INSERT INTO customers (id, display_name) VALUES (?, ?)", id, name);
        }
    }

    @Override
    public void rename(long id, String name) {
        if (phase == GreenPhase.BESIDE_BLUE) {
            jdbc.update("UPDATE customers SET full_name = ?, display_name = ? WHERE id = ?", name, name, id);
        } else {
            jdbc.update("UPDATE customers SET display_name = ? WHERE id = ?", name, id);
        }
    }

    @Override
    public String nameOf(long id) {
        // Beside blue, only full_name is sure to be current: blue writes nothing else.
        String column = phase == GreenPhase.BESIDE_BLUE ? "full_name" : "display_name";
        return jdbc.queryForObject("SELECT " + column + " FROM customers WHERE id = ?", String.class, id);
    }
}
