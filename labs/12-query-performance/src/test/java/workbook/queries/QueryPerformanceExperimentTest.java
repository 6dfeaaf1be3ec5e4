package workbook.queries;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.CountingDataSource;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every fix of the lab side by side with what it replaces, from the plans (rows read, buffers) and the
 * statement counts; then the price: single-row inserts per second into a table with 0 to 8 indexes.
 * Run with {@code mvn test -Pexperiment}, best in the solution; writes
 * target/experiment/12-query-performance*.csv, 12-query-performance-inserts.svg (buffers per insert) and
 * 12-query-performance-throughput.svg. A task that is not
 * done yet shows as such.
 */
@Tag("experiment")
class QueryPerformanceExperimentTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    private static final int INSERTS = 3_000;
    private final Csv plans = new Csv("query", "variant", "rows_read", "buffers", "statements");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void every_fix_and_the_write_cost_of_indexes() throws Exception {
        historyPage();
        searches();
        statementsForTheOrderList();
        countsAndAggregates();
        plans.write(Experiment.output("12-query-performance-plans.csv"));
        insertThroughput();
    }

    private void record(String query, String variant, Plan plan, int statements) {
        plans.row(query, variant, plan.rowsRead(), plan.buffers(), statements);
        System.out.printf("%-22s %-28s %,10d rows read %,8d buffers  %s%n", query, variant, plan.rowsRead(),
                plan.buffers(), plan.nodeTypes());
    }

    private static <T> T orNotDone(String task, Supplier<T> work) {
        try {
            return work.get();
        } catch (UnsupportedOperationException e) {
            System.out.printf("%-22s (%s is not done yet)%n", "", task);
            return null;
        }
    }

    private void historyPage() {
        MillionOrders.database();
        MillionOrders.inRolledBackTransaction(jdbc -> {
            SqlQuery page = CustomerHistory.latestOrders(42, Task1MissingIndexTest.JUNE, 20);
            record("history page", "no index", Plan.explain(jdbc, page), 1);
            OrderIndexes.create(jdbc);
            record("history page", "OrderIndexes.create", Plan.explain(jdbc, page), 1);
            return null;
        });
    }

    private void searches() {
        JdbcTemplate jdbc = db.jdbc();
        ProductsTable.create(jdbc);
        ProductsTable.fill(jdbc, Task2IndexTypesTest.PRODUCTS);
        jdbc.execute("vacuum analyze products");
        List<SqlQuery> searches = orNotDone("Task 2", () -> List.of(
                ProductSearch.withAllTags(List.of("tag-3", "tag-22")),
                ProductSearch.withAttributes(Map.of("brand", "brand-17", "color", "color-5")),
                ProductSearch.nameContains("c4ca4")));
        if (searches == null) {
            return;
        }
        String[] names = {"tags @>", "attrs @>", "name like %term%"};
        for (int i = 0; i < names.length; i++) {
            record(names[i], "primary key only", Plan.explain(jdbc, searches.get(i)), 1);
        }
        ProductSearch.createIndexes(jdbc);
        jdbc.execute("analyze products");
        for (int i = 0; i < names.length; i++) {
            record(names[i], "ProductSearch.createIndexes", Plan.explain(jdbc, searches.get(i)), 1);
        }
    }

    private void statementsForTheOrderList() {
        Postgres shop = LabDatabase.fresh().open();
        try {
            OrdersSchema.create(shop.jdbc());
            ShopData.ordersWithLines(shop.jdbc(), 150, order -> 1 + order % 3);
            for (int limit : new int[]{1, 10, 100}) {
                CountingDataSource counting = new CountingDataSource(shop.dataSource());
                new OrderLoader(counting).latest(limit);
                plans.row("order list", "OrderLoader.latest(" + limit + ")", "", "", counting.count());
                System.out.printf("%-22s %-28s %d statements%n", "order list", "OrderLoader.latest(" + limit + ")",
                        counting.count());
            }
        } finally {
            shop.close();
        }
    }

    private void countsAndAggregates() {
        Postgres shop = LabDatabase.fresh().open();
        try {
            JdbcTemplate jdbc = shop.jdbc();
            OrdersSchema.create(jdbc);
            jdbc.update("""
                    insert into orders (customer_id, created_at, total_cents)
                    select 1 + g % 25, timestamptz '2023-01-01 00:00:00+00' + g * interval '30 minutes', 100 + g % 900
                    from generate_series(1, 50000) g""");
            jdbc.execute("analyze orders");
            record("orders of customer 7", "count(*)",
                    Plan.explain(jdbc, SqlQuery.of("select count(*) from orders where customer_id = ?", 7)), 1);
            CountingDataSource counting = new CountingDataSource(shop.dataSource());
            if (orNotDone("Task 4", () -> new OrderCounter(counting, BetweenSteps.NONE).placeOrder(7, 100)) != null) {
                counting.reset();
                new OrderCounter(counting, BetweenSteps.NONE).orderCount(7);
                record("orders of customer 7", "OrderCounter.orderCount",
                        Plan.explain(jdbc, SqlQuery.of(counting.statements().get(0), 7)), counting.count());
            }
            LocalDate day = LocalDate.parse("2023-05-04");
            record("sales of one day", "aggregate on every read", Plan.explain(jdbc, SqlQuery.of("""
                    select count(*), sum(total_cents) from orders
                    where (created_at at time zone 'UTC')::date = ?""", day)), 1);
            SalesReport.createView(jdbc);
            SalesReport report = new SalesReport(counting, Clock.systemUTC(), Duration.ofMinutes(5));
            if (orNotDone("Task 5", () -> report.totalsFor(day)) != null) {
                counting.reset();
                report.totalsFor(day);
                record("sales of one day", "SalesReport.totalsFor",
                        Plan.explain(jdbc, SqlQuery.of(counting.statements().get(0), day)), counting.count());
            }
        } finally {
            shop.close();
        }
    }

    private void insertThroughput() throws Exception {
        List<Integer> indexCounts = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        List<Double> buffersPerInsert = new ArrayList<>();
        Csv csv = new Csv("indexes", "inserts_per_second", "relative_to_no_index", "buffers_per_insert");
        db.jdbc().execute("create extension if not exists pg_stat_statements");
        insertsPerSecond(0, 99); // warm-up: the first inserts of a JVM also pay for class loading and JIT
        for (int indexes = 0; indexes <= 8; indexes++) {
            double best = 0;
            for (int run = 0; run < 3; run++) {
                best = Math.max(best, insertsPerSecond(indexes, run));
            }
            double buffers = db.jdbc().queryForObject("""
                    select sum(shared_blks_hit + shared_blks_read)::float8 / sum(calls) from pg_stat_statements
                    where query like ?""", Double.class, "insert into written\\_" + indexes + "\\_%");
            indexCounts.add(indexes);
            perSecond.add(best);
            buffersPerInsert.add(buffers);
            csv.row(indexes, Math.round(best), String.format("%.2f", best / perSecond.get(0)), String.format("%.1f", buffers));
            System.out.printf("%d indexes: %,8.0f inserts/s (%.2f of no index), %.1f buffers per insert%n", indexes, best,
                    best / perSecond.get(0), buffers);
        }
        csv.write(Experiment.output("12-query-performance-inserts.csv"));
        // The count first: it is the same on every machine. Inserts per second follow it on a quiet machine
        // and are noise on a busy one, so they get a chart of their own.
        new LineChart("Shared buffers each single-row insert touches, against the number of indexes",
                "secondary B-tree indexes on the table", "8 kB buffers per insert (pg_stat_statements)")
                .series("buffers per insert", indexCounts, buffersPerInsert)
                .write(Experiment.output("12-query-performance-inserts.svg"));
        new LineChart("Single-row inserts per second against the number of indexes",
                "secondary B-tree indexes on the table", "inserts per second (best of 3 runs of " + INSERTS + ")")
                .series("inserts per second", indexCounts, perSecond)
                .write(Experiment.output("12-query-performance-throughput.svg"));
    }

    /** Inserts INSERTS rows one statement at a time, in transactions of 100, into a new table with that many indexes. */
    private static double insertsPerSecond(int indexes, int run) throws Exception {
        String table = "written_" + indexes + "_" + run;
        JdbcTemplate jdbc = db.jdbc();
        jdbc.execute("create table " + table + " (a int, b int, c int, d int, e int, f int, g int, h int)");
        for (int column = 0; column < indexes; column++) {
            jdbc.execute("create index on " + table + " (" + (char) ('a' + column) + ")");
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            long start = System.nanoTime();
            for (int row = 0; row < INSERTS; row++) {
                session.update("insert into " + table + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                        row, row * 7 % 1000, row * 11 % 1000, row * 13 % 1000, row * 17 % 1000, row * 19 % 1000,
                        row * 23 % 1000, row * 29 % 1000);
                if (row % 100 == 99) {
                    connection.commit();
                }
            }
            connection.commit();
            return INSERTS / ((System.nanoTime() - start) / 1e9);
        } finally {
            jdbc.execute("drop table " + table);
        }
    }
}
