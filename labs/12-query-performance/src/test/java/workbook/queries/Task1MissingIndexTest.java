package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's order history on a million orders: {@link CustomerHistory#latestOrders} before and after
 * your {@link OrderIndexes#create}, measured from the plans.
 */
@Task(1)
class Task1MissingIndexTest {
    @BeforeAll
    static void millionOrders() {
        MillionOrders.database();
    }

    static final OffsetDateTime JUNE = OffsetDateTime.parse("2024-06-01T00:00:00Z");

    @Test
    void the_history_page_reads_one_page_of_rows_instead_of_the_whole_table() {
        MillionOrders.inRolledBackTransaction(jdbc -> {
            SqlQuery page = CustomerHistory.latestOrders(42, JUNE, 20);
            Plan before = Plan.explain(jdbc, page);
            List<Integer> idsBefore = page.ids(jdbc);
            assertThat(before.rowsRead())
                    .as("rows read by the history query before your index (a whole-table scan is expected); %s", before)
                    .isEqualTo(MillionOrders.ROWS);

            OrderIndexes.create(jdbc);
            Plan after = Plan.explain(jdbc, page);

            assertThat(after.scansWholeTable())
                    .as("after OrderIndexes.create the history query still reads all %,d orders: %s. The planner "
                            + "found no index it could use for customer_id = ? and created_at >= ?", MillionOrders.ROWS, after)
                    .isFalse();
            assertThat(after.sorts())
                    .as("the plan still sorts the customer's orders (%s): an index can hand them over already in "
                            + "created_at order, so the Limit stops after 20 rows", after)
                    .isFalse();
            assertThat(after.rowsRead())
                    .as("rows read for a page of 20 (customer 42 has more than 20 orders since June): %s", after)
                    .isEqualTo(20);
            assertThat(before.rowsRead() / after.rowsRead())
                    .as("rows read before (%s) over after (%s)", before.rowsRead(), after.rowsRead())
                    .isGreaterThanOrEqualTo(100);
            assertThat(before.buffers() / Math.max(1, after.buffers()))
                    .as("8 kB pages touched before (%s) over after (%s): an index that finds the rows but not in "
                            + "order, or not only this customer's, walks far more pages", before.buffers(), after.buffers())
                    .isGreaterThanOrEqualTo(100);
            assertThat(page.ids(jdbc)).as("the page itself: the index changes the cost, never the answer")
                    .isEqualTo(idsBefore);
            return null;
        });
    }
}
