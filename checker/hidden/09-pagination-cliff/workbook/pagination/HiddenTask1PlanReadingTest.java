package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans where the rows read are not just the rows a scan passed up once. */
@Task(1)
class HiddenTask1PlanReadingTest {
    @RegisterExtension
    static final MillionPosts posts = MillionPosts.shared();

    @Test
    void rows_a_scan_throws_away_are_rows_read() {
        PageCost cost = PageCost.explain(posts.jdbc(),
                SqlQuery.of("select id, title from posts where title = ?", "post 777"));
        assertThat(cost.rowsRead())
                .as("rows read by a scan of the whole table that keeps 1 row: the other 999,999 were read and "
                        + "thrown away by the filter (Rows Removed by Filter); %s", cost)
                .isBetween(990_000L, 1_000_000L);
    }

    @Test
    void a_scan_that_runs_many_times_reads_its_rows_each_time() {
        PageCost cost = PageCost.explain(posts.jdbc(), SqlQuery.of(
                "select p.id from generate_series(1, 50) g join posts p on p.id = g"));
        assertThat(cost.rowsRead())
                .as("rows read by a nested loop that looks up 50 posts by id: the inner index scan runs 50 times "
                        + "(Actual Loops) and returns 1 row each time; %s", cost)
                .isEqualTo(50);
    }

    @Test
    void a_plan_that_sorts_shows_its_sort_node() {
        PageCost cost = PageCost.explain(posts.jdbc(),
                SqlQuery.of("select id, title from posts order by title limit ?", 20));
        assertThat(cost.nodeTypes())
                .as("plan nodes of the first 20 posts by title (no index on title): a Limit on top, a Sort below it, "
                        + "and the scan that fed the sort; %s", cost)
                .startsWith("Limit")
                .contains("Sort");
        assertThat(cost.sorts()).as("PageCost.sorts() for a plan with a Sort node; %s", cost).isTrue();
        assertThat(cost.indexes()).as("indexes used to sort by an unindexed column; %s", cost).isEmpty();
        assertThat(cost.rowsRead())
                .as("rows read to find the first 20 titles: every row of the table, since nothing is in title order; "
                        + "the Sort and the Limit pass on rows already counted; %s", cost)
                .isBetween(990_000L, 1_000_000L);
    }
}
