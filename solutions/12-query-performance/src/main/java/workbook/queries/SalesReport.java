package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Task 5: sales per day, read from a materialized view that is refreshed when it gets too old. */
public final class SalesReport {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration maxStaleness;
    private Instant refreshedAt; // null until this report refreshes the view for the first time

    public SalesReport(DataSource dataSource, Clock clock, Duration maxStaleness) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    /** Creates the {@code daily_sales} view over {@code orders}, and what it needs to be refreshed concurrently. */
    public static void createView(JdbcTemplate jdbc) {
        jdbc.execute("""
                create materialized view daily_sales as
                select (created_at at time zone 'UTC')::date as day,
                       count(*) as orders,
                       sum(total_cents) as total_cents
                from orders
                group by 1""");
        // REFRESH ... CONCURRENTLY compares the old and new contents row by row, matched on a unique index
        // over plain columns; the same index turns a read of one day into a lookup.
        jdbc.execute("create unique index daily_sales_day on daily_sales (day)");
    }

    /** The day's sales, at most {@code maxStaleness} old: refreshes the view first when it is older. */
    public DailySales totalsFor(LocalDate day) {
        if (refreshedAt == null || Duration.between(refreshedAt, clock.instant()).compareTo(maxStaleness) > 0) {
            refresh();
        }
        List<DailySales> rows = jdbc.query("select orders, total_cents from daily_sales where day = ?",
                (row, number) -> new DailySales(day, row.getLong("orders"), row.getLong("total_cents"), refreshedAt),
                day);
        return rows.isEmpty() ? new DailySales(day, 0, 0, refreshedAt) : rows.get(0);
    }

    /** Recomputes the view while readers keep reading the old contents. */
    public void refresh() {
        // The time the refresh starts: every order committed before it is in the new contents.
        Instant started = clock.instant();
        jdbc.execute("refresh materialized view concurrently daily_sales");
        refreshedAt = started;
    }
}
