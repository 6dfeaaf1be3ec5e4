package workbook.queries;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales per day from your {@link SalesReport}: a materialized view, read by index, refreshed when too old. */
@Task(5)
class Task5MaterializedViewTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2023-05-04");

    @BeforeAll
    static void threeYearsOfOrders() {
        // One order every 30 minutes from 2023-01-01 UTC: 50,000 orders over 1,042 days.
        ordersAndView(db, "2023-01-01", 30, 50_000);
    }

    /** The tables, {@code count} orders one every {@code minutes} from the day's midnight UTC, then your view. */
    static void ordersAndView(Postgres db, String firstDay, int minutes, int count) {
        OrdersSchema.create(db.jdbc());
        db.jdbc().update("""
                insert into orders (customer_id, created_at, total_cents)
                select 1 + g % 500, ?::timestamptz + g * ? * interval '1 minute', 100 + g % 900
                from generate_series(1, ?) g""", firstDay + "T00:00:00Z", minutes, count);
        db.jdbc().execute("analyze orders");
        SalesReport.createView(db.jdbc());
    }

    static DailySales aggregated(LocalDate day) {
        return db.jdbc().queryForObject("""
                select count(*), coalesce(sum(total_cents), 0) from orders
                where (created_at at time zone 'UTC')::date = ?""",
                (row, number) -> new DailySales(day, row.getLong(1), row.getLong(2), null), day);
    }

    @Test
    void a_day_is_one_index_lookup_in_the_view() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        SalesReport report = new SalesReport(counting, MutableClock.at(START), Duration.ofMinutes(5));
        report.refresh();
        counting.reset();

        DailySales sales = report.totalsFor(DAY);

        DailySales expected = aggregated(DAY);
        assertThat(sales).as("sales of %s (48 orders), as of the refresh", DAY)
                .isEqualTo(new DailySales(DAY, expected.orders(), expected.totalCents(), START));
        assertThat(counting.count()).as("statements for one read just after a refresh: %s", counting.statements())
                .isEqualTo(1);
        String read = counting.statements().get(0);
        Plan plan = Plan.explain(db.jdbc(), SqlQuery.of(read, DAY));
        assertThat(plan.tables())
                .as("tables the read %s touches (%s): aggregating orders on every read is the cost the view saves",
                        read, plan)
                .containsExactly("daily_sales");
        assertThat(plan.nodeTypes()).as("plan of the read: a lookup in an index of the view, %s", plan)
                .anyMatch(type -> type.startsWith("Index"));
        assertThat(plan.rowsRead()).as("rows read for one day: %s", plan).isEqualTo(1);
    }

    @Test
    void a_read_serves_the_view_as_it_is_until_it_is_older_than_the_bound() {
        MutableClock clock = MutableClock.at(START);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        SalesReport report = new SalesReport(counting, clock, Duration.ofMinutes(5));
        DailySales first = report.totalsFor(DAY);
        assertThat(first.asOf()).as("asOf of the first read, which has to refresh the view").isEqualTo(START);

        db.jdbc().update("insert into orders (customer_id, created_at, total_cents) values (1, ?::timestamptz, 250)",
                DAY + "T12:34:00Z");
        try {
            clock.advance(Duration.ofMinutes(4));
            counting.reset();
            DailySales cached = report.totalsFor(DAY);
            assertThat(counting.count("refresh"))
                    .as("refreshes for a read 4 minutes after the last refresh, with a 5-minute bound: the view is "
                            + "recomputed for every day at once, so reads must not pay for it while it is fresh enough")
                    .isZero();
            assertThat(cached).as("a read within the bound: the view's numbers, stated as of the last refresh")
                    .isEqualTo(first);

            clock.advance(Duration.ofMinutes(2));
            DailySales fresh = report.totalsFor(DAY);
            assertThat(fresh).as("a read 6 minutes after the last refresh must refresh first and include the new order")
                    .isEqualTo(new DailySales(DAY, first.orders() + 1, first.totalCents() + 250, clock.instant()));
        } finally {
            db.jdbc().update("delete from orders where customer_id = 1 and total_cents = 250 and created_at = ?::timestamptz",
                    DAY + "T12:34:00Z");
        }
    }

    @Test
    void a_refresh_does_not_wait_for_readers() throws Exception {
        SalesReport report = new SalesReport(db.dataSource(), MutableClock.at(START), Duration.ofMinutes(5));
        try (Connection reader = db.connect(); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            // A reader in the middle of a transaction holds its lock on the view until it commits.
            statement.executeQuery("select count(*) from daily_sales").close();

            CompletableFuture<Void> refresh = CompletableFuture.runAsync(report::refresh);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refresh.isDone() || waitsForALock());

            assertThat(refresh.isDone())
                    .as("the refresh waits for a reader's lock: a plain REFRESH locks every reader out of the view "
                            + "until it finishes; reads must go on while the view is recomputed")
                    .isTrue();
            refresh.get();
            reader.commit();
        }
    }

    private static boolean waitsForALock() {
        return db.jdbc().queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'", Integer.class) > 0;
    }
}
