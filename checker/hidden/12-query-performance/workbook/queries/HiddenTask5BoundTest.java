package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The staleness bound at its edge, a day without orders, an explicit refresh. */
@Task(5)
class HiddenTask5BoundTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final Instant START = Instant.parse("2025-02-03T04:05:06Z");
    static final LocalDate DAY = LocalDate.parse("2024-07-08");

    @BeforeAll
    static void orders() {
        Task5MaterializedViewTest.ordersAndView(db, "2024-07-01", 20, 2_000);
    }

    @Test
    void a_read_exactly_at_the_bound_is_still_served_and_a_nanosecond_later_refreshes() {
        MutableClock clock = MutableClock.at(START);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        SalesReport report = new SalesReport(counting, clock, Duration.ofSeconds(30));
        report.totalsFor(DAY);

        clock.advance(Duration.ofSeconds(30));
        counting.reset();
        assertThat(report.totalsFor(DAY).asOf()).as("asOf of a read exactly 30 s after the refresh").isEqualTo(START);
        assertThat(counting.count("refresh")).as("refreshes for a read exactly at the 30 s bound").isZero();

        clock.advance(Duration.ofNanos(1));
        assertThat(report.totalsFor(DAY).asOf()).as("asOf of a read 30 s and 1 ns after the refresh")
                .isEqualTo(START.plusSeconds(30).plusNanos(1));
        assertThat(counting.count("refresh")).as("refreshes once the bound is passed").isEqualTo(1);
    }

    @Test
    void a_day_without_orders_is_zero_and_an_explicit_refresh_counts_as_the_last_one() {
        MutableClock clock = MutableClock.at(START);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        SalesReport report = new SalesReport(counting, clock, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(10));
        report.refresh();
        Instant refreshed = clock.instant();
        clock.advance(Duration.ofSeconds(59));
        counting.reset();

        LocalDate empty = LocalDate.parse("2031-01-01");
        assertThat(report.totalsFor(empty)).as("a day without orders, 59 s after an explicit refresh")
                .isEqualTo(new DailySales(empty, 0, 0, refreshed));
        assertThat(counting.count()).as("statements for that read: %s", counting.statements()).isEqualTo(1);
        long orders = db.jdbc().queryForObject(
                "select count(*) from orders where (created_at at time zone 'UTC')::date = ?", Long.class, DAY);
        assertThat(report.totalsFor(DAY).orders()).as("orders on %s", DAY).isEqualTo(orders);
    }
}
