package workbook.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 5: a stale new column, what expand leaves, small batches. */
@Task(5)
class HiddenTask5ExpandContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    private JdbcTemplate jdbc;
    private final SchemaChange change = new ExpandContract();

    @BeforeEach
    void freshTable() {
        jdbc = db.jdbc();
        jdbc.execute("DROP TABLE IF EXISTS customers");
        BlueCustomers.createTable(jdbc);
    }

    @Test
    void theBackfillFixesANewColumnThatBlueMadeStale() {
        Customers blue = new BlueCustomers(jdbc);
        change.expand(jdbc);
        Customers green = new GreenCustomers(jdbc, GreenPhase.BESIDE_BLUE);
        green.create(1, "Ada");
        green.create(2, "Grace");
        blue.rename(1, "Ada Lovelace");
        assertThat(change.backfill(jdbc, 10)).as("rows to fix: the one blue renamed after green wrote both columns")
                .isEqualTo(1);
        Customers alone = new GreenCustomers(jdbc, GreenPhase.ALONE);
        assertThat(alone.nameOf(1)).as("green alone, reading a row blue renamed last").isEqualTo("Ada Lovelace");
        assertThat(alone.nameOf(2)).isEqualTo("Grace");
    }

    @Test
    void expandKeepsTheOldColumnAndItsData() {
        Customers blue = new BlueCustomers(jdbc);
        blue.create(7, "Linus");
        change.expand(jdbc);
        assertThat(columns()).as("columns after expand").containsExactly("display_name", "full_name", "id");
        assertThat(blue.nameOf(7)).as("blue reading after expand").isEqualTo("Linus");
        assertThat(new GreenCustomers(jdbc, GreenPhase.BESIDE_BLUE).nameOf(7)).as("green beside blue").isEqualTo("Linus");
    }

    @Test
    void smallBatches() {
        jdbc.update("INSERT INTO customers (id, full_name) SELECT g, 'C' || g FROM generate_series(1, 5) g");
        change.expand(jdbc);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        assertThat(change.backfill(new JdbcTemplate(counting), 2)).as("rows backfilled of 5").isEqualTo(5);
        assertThat(counting.count("UPDATE")).as("UPDATE statements for 5 rows in batches of 2").isEqualTo(3);
        jdbc.update("INSERT INTO customers (id, full_name) VALUES (6, 'C6'), (7, 'C7')");
        counting.reset();
        assertThat(change.backfill(new JdbcTemplate(counting), 2)).as("rows backfilled the second time").isEqualTo(2);
        assertThat(counting.count("UPDATE")).as("UPDATE statements for 2 rows in batches of 2 (the last finds none)")
                .isEqualTo(2);
    }

    private List<String> columns() {
        return jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "ORDER BY column_name", String.class);
    }
}
