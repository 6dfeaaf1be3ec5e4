package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The index serves the history query for any customer, date and page size, not only the one measured. */
@Task(1)
class HiddenTask1OtherPagesTest {
    @BeforeAll
    static void millionOrders() {
        MillionOrders.database();
    }


    @Test
    void every_page_reads_only_its_own_rows() {
        MillionOrders.inRolledBackTransaction(jdbc -> {
            OrderIndexes.create(jdbc);
            record Case(int customer, String since, int limit) {
            }
            for (Case page : new Case[]{
                    new Case(7, "2024-02-01T00:00:00Z", 5),
                    new Case(9_999, "2024-01-01T00:00:00Z", 30),
                    new Case(1_234, "2024-12-01T00:00:00Z", 20),
                    new Case(10_001, "2024-03-01T00:00:00Z", 20)}) {
                SqlQuery query = CustomerHistory.latestOrders(page.customer(), OffsetDateTime.parse(page.since()), page.limit());
                long available = jdbc.queryForObject("select count(*) from orders where customer_id = ? and created_at >= ?",
                        Long.class, page.customer(), OffsetDateTime.parse(page.since()));
                Plan plan = Plan.explain(jdbc, query);
                assertThat(plan.scansWholeTable()).as("whole-table scan for %s: %s", page, plan).isFalse();
                assertThat(plan.sorts()).as("sort for %s: %s", page, plan).isFalse();
                assertThat(plan.rowsRead())
                        .as("rows read for %s, where %s orders match: %s", page, available, plan)
                        .isEqualTo(Math.min(available, page.limit()));
                assertThat(query.ids(jdbc)).as("ids returned for %s", page).hasSize((int) Math.min(available, page.limit()));
            }
            return null;
        });
    }
}
