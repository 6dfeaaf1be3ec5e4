package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Task 5: sales per day, read from a materialized view that is refreshed when it gets too old. */
public final class SalesReport {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SalesReport(DataSource dataSource, Clock clock, Duration maxStaleness) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Creates the {@code daily_sales} view over {@code orders}, and what it needs to be refreshed concurrently. */
    public static void createView(JdbcTemplate jdbc) {
        // Task 5: no view yet.
    }

    /** The day's sales, at most {@code maxStaleness} old: refreshes the view first when it is older. */
    public DailySales totalsFor(LocalDate day) {
        // Task 5: aggregates the day's orders again on every read.
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(total_cents), 0) from orders
                where created_at >= ? and created_at < ?""",
                (row, number) -> new DailySales(day, row.getLong(1), row.getLong(2), clock.instant()),
                day.atStartOfDay().atOffset(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    /** Recomputes the view while readers keep reading the old contents. */
    public void refresh() {
        throw new UnsupportedOperationException("Task 5: refresh the daily_sales view without blocking its readers");
    }
}
