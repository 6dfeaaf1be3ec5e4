package workbook.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@Task(5)
class Task5ExpandContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    private JdbcTemplate jdbc;
    private final SchemaChange change = new ExpandContract();
    private final Map<Long, String> expected = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private int wrongNames;

    @BeforeEach
    void freshTable() {
        jdbc = db.jdbc();
        jdbc.execute("DROP TABLE IF EXISTS customers");
        BlueCustomers.createTable(jdbc);
    }

    /** Runs one operation of one version, counting the ones that fail. */
    private void run(String version, String what, Runnable operation) {
        try {
            operation.run();
        } catch (DataAccessException e) {
            errors.add(version + " " + what + ": " + e.getMostSpecificCause().getMessage());
        }
    }

    private void create(String version, Customers customers, long id, String name) {
        run(version, "create " + id, () -> customers.create(id, name));
        expected.put(id, name);
    }

    private void rename(String version, Customers customers, long id, String name) {
        run(version, "rename " + id, () -> customers.rename(id, name));
        expected.put(id, name);
    }

    private void readAll(String version, Customers customers) {
        for (Map.Entry<Long, String> row : expected.entrySet()) {
            run(version, "read " + row.getKey(), () -> {
                if (!row.getValue().equals(customers.nameOf(row.getKey()))) {
                    wrongNames++;
                }
            });
        }
    }

    @Test
    void bothVersionsKeepWorkingThroughTheWholeDeployment() {
        Customers blue = new BlueCustomers(jdbc);
        for (long id = 1; id <= 50; id++) {
            create("blue", blue, id, "Customer " + id);
        }
        change.expand(jdbc);
        Customers green = new GreenCustomers(jdbc, GreenPhase.BESIDE_BLUE);
        for (long id = 51; id <= 60; id++) {
            create("green", green, id, "New customer " + id);
        }
        for (long id = 1; id <= 10; id++) {
            rename("blue", blue, id, "Renamed by blue " + id);
            rename("green", green, id + 10, "Renamed by green " + (id + 10));
        }
        rename("blue", blue, 55, "Renamed by blue 55");
        readAll("blue", blue);
        readAll("green", green);
        int errorsBesideBlue = errors.size();
        int wrongBesideBlue = wrongNames;

        // Blue is stopped; the backfill runs; green's next release uses the new column alone.
        int backfilled = change.backfill(jdbc, 16);
        Customers greenAlone = new GreenCustomers(jdbc, GreenPhase.ALONE);
        readAll("green (alone)", greenAlone);
        change.contract(jdbc);
        create("green (alone)", greenAlone, 61, "After contract 61");
        rename("green (alone)", greenAlone, 1, "After contract 1");
        readAll("green (alone)", greenAlone);

        System.out.printf("[Task 5] failed operations across the deployment: %d (%d while blue and green both ran); "
                + "wrong names read: %d%n", errors.size(), errorsBesideBlue, wrongNames);
        assertThat(errorsBesideBlue).as("failed operations while blue and green both ran (first: %s): the expand "
                + "step must only add, because blue still uses full_name", errors.isEmpty() ? "none" : errors.get(0))
                .isZero();
        assertThat(wrongBesideBlue).as("reads, while both versions ran, that returned a name other than the last one "
                + "written (by either version)").isZero();
        assertThat(backfilled).as("rows the backfill changed: blue's 50 rows, less the 10 green renamed (green "
                + "wrote both columns), plus row 55, which green created and blue renamed").isEqualTo(41);
        assertThat(wrongNames).as("reads that returned a name other than the last one written, over the whole deployment")
                .isZero();
        assertThat(errors.size()).as("failed operations over the whole deployment (first: %s)",
                errors.isEmpty() ? "none" : errors.get(0)).isZero();
        assertThat(columns()).as("columns of customers after contract").containsExactly("display_name", "id");
    }

    @Test
    void theBackfillRunsInBatches() {
        jdbc.update("INSERT INTO customers (id, full_name) SELECT g, 'Customer ' || g FROM generate_series(1, 2500) g");
        change.expand(jdbc);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        int backfilled = change.backfill(new JdbcTemplate(counting), 1000);
        assertThat(backfilled).as("rows backfilled of 2,500 written by blue").isEqualTo(2500);
        assertThat(counting.count("UPDATE")).as("UPDATE statements for 2,500 rows in batches of 1,000: one statement "
                + "for the whole table would lock every row in one long transaction").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE display_name = full_name", Integer.class))
                .as("rows whose display_name equals full_name after the backfill").isEqualTo(2500);
        assertThat(change.backfill(jdbc, 1000)).as("rows a second backfill changes").isZero();
    }

    private List<String> columns() {
        return jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "ORDER BY column_name", String.class);
    }
}
