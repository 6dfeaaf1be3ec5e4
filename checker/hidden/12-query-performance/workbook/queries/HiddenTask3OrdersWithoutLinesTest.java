package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders without lines stay in the list; other limits. */
@Task(3)
class HiddenTask3OrdersWithoutLinesTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void shop() {
        OrdersSchema.create(db.jdbc());
        ShopData.ordersWithLines(db.jdbc(), 120, order -> order % 4 == 0 ? 0 : order % 5 + 1);
    }

    @Test
    void orders_without_lines_are_listed_with_no_lines() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        assertThat(new OrderLoader(counting).latest(100))
                .as("the 100 newest orders, a quarter of them without lines")
                .isEqualTo(ShopData.expectedLatest(db.jdbc(), 100));
        assertThat(counting.count()).as("statements: %s", counting.statements()).isLessThanOrEqualTo(2);
    }

    @Test
    void other_limits() {
        for (int limit : new int[]{0, 1, 7, 120, 500}) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            assertThat(new OrderLoader(counting).latest(limit)).as("latest(%s)", limit)
                    .isEqualTo(ShopData.expectedLatest(db.jdbc(), limit));
            assertThat(counting.count()).as("statements for latest(%s)", limit).isLessThanOrEqualTo(2);
        }
    }
}
