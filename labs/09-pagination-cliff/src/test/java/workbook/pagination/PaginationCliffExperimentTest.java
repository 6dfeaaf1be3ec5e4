package workbook.pagination;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The cliff, charted: for pages 1 to 5,000 (20 posts per page) of a million posts, what one request
 * costs with LIMIT/OFFSET and with your PostPager (keyset, once Tasks 2 and 3 are done). Rows and buffers
 * come from the plan (your PageCost, Task 1); milliseconds are the median wall time of 11 requests.
 * Run with {@code mvn test -Pexperiment}; writes target/experiment/09-pagination-cliff-*.csv and .svg.
 */
@Tag("experiment")
class PaginationCliffExperimentTest {
    @RegisterExtension
    static final MillionPosts posts = MillionPosts.shared();

    private static final int PAGE_SIZE = 20;
    private static final int[] PAGES = {1, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000};

    private record Point(int page, long rowsRead, long buffers, double millis) {
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void cost_per_request_against_page_depth() throws Exception {
        List<Point> offset = new ArrayList<>();
        for (int page : PAGES) {
            SqlQuery query = Task1CliffTest.offsetPage(page);
            PageCost cost = PageCost.explain(posts.jdbc(), query);
            double millis = medianMillis(() -> posts.jdbc().queryForList(query.sql(), query.args().toArray()));
            offset.add(new Point(page, cost.rowsRead(), cost.buffers(), millis));
        }

        // The pager can only get deep by following cursors, as a client would: pages of 100 between the
        // sample points (fewer requests), then the measured page of 20.
        PostPager pager = new PostPager(posts.jdbc(), Fixtures.SECRET);
        List<Point> keyset = new ArrayList<>();
        PageRequest request = PageRequest.first(Sort.ID_ASC, PAGE_SIZE);
        long rowsBefore = 0;
        for (int page : PAGES) {
            long target = (long) (page - 1) * PAGE_SIZE;
            while (rowsBefore < target) {
                int step = (int) Math.min(PostPager.MAX_LIMIT, target - rowsBefore);
                request = request.withLimit(step).withCursor(pager.list(request.withLimit(step)).nextCursor());
                rowsBefore += step;
            }
            PageRequest measured = request.withLimit(PAGE_SIZE);
            PageCost cost = PageCost.explain(posts.jdbc(), pager.queryFor(measured));
            double millis = medianMillis(() -> pager.list(measured));
            keyset.add(new Point(page, cost.rowsRead(), cost.buffers(), millis));
        }

        Csv csv = new Csv("method", "page", "rows_before_page", "rows_read", "buffers", "millis");
        offset.forEach(p -> csv.row("offset", p.page(), (long) (p.page() - 1) * PAGE_SIZE, p.rowsRead(), p.buffers(), p.millis()));
        keyset.forEach(p -> csv.row("postpager", p.page(), (long) (p.page() - 1) * PAGE_SIZE, p.rowsRead(), p.buffers(), p.millis()));
        csv.write(Experiment.output("09-pagination-cliff.csv"));

        chart("Rows read per request, 20 posts per page (log scale)", "rows read (from EXPLAIN ANALYZE)", offset, keyset, Point::rowsRead).logY()
                .write(Experiment.output("09-pagination-cliff-rows.svg"));
        chart("Buffers touched per request (log scale)", "8 kB buffers (shared hit + read)", offset, keyset, Point::buffers).logY()
                .write(Experiment.output("09-pagination-cliff-buffers.svg"));
        chart("Milliseconds per request", "ms (median of 11)", offset, keyset, Point::millis)
                .write(Experiment.output("09-pagination-cliff-millis.svg"));

        Point offsetFirst = offset.get(0), offsetLast = offset.get(offset.size() - 1);
        Point keysetFirst = keyset.get(0), keysetLast = keyset.get(keyset.size() - 1);
        System.out.printf("%nOFFSET    page 1: %d rows, %d buffers, %.2f ms | page 5000: %d rows, %d buffers, %.2f ms%n",
                offsetFirst.rowsRead(), offsetFirst.buffers(), offsetFirst.millis(),
                offsetLast.rowsRead(), offsetLast.buffers(), offsetLast.millis());
        System.out.printf("PostPager page 1: %d rows, %d buffers, %.2f ms | page 5000: %d rows, %d buffers, %.2f ms%n",
                keysetFirst.rowsRead(), keysetFirst.buffers(), keysetFirst.millis(),
                keysetLast.rowsRead(), keysetLast.buffers(), keysetLast.millis());
        System.out.println("Written to " + Experiment.outputDirectory());
    }

    private static LineChart chart(String title, String yLabel, List<Point> offset, List<Point> keyset,
                                   java.util.function.ToDoubleFunction<Point> value) {
        return new LineChart(title, "page number (20 posts per page, 1,000,000 posts)", yLabel)
                .series("LIMIT/OFFSET", pages(offset), values(offset, value))
                .series("PostPager (keyset)", pages(keyset), values(keyset, value));
    }

    private static double[] pages(List<Point> points) {
        return points.stream().mapToDouble(Point::page).toArray();
    }

    private static double[] values(List<Point> points, java.util.function.ToDoubleFunction<Point> value) {
        return points.stream().mapToDouble(value).toArray();
    }

    private static double medianMillis(Supplier<?> request) {
        request.get();   // warm up: the first run pays for parsing and planning
        double[] runs = new double[11];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            request.get();
            runs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }
}
