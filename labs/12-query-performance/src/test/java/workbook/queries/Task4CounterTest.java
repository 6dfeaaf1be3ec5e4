package workbook.queries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "How many orders has this customer placed?" answered by your {@link OrderCounter} without count(*). */
@Task(4)
class Task4CounterTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeEach
    void emptyShop() {
        emptyShop(db);
    }

    /** New, empty tables, then 2,000 orders of customers 1000 to 1049 (not counted: placed before the counter). */
    static void emptyShop(Postgres db) {
        db.jdbc().execute("drop table if exists order_items, orders, customer_order_counts");
        OrdersSchema.create(db.jdbc());
        // Other customers' orders, placed before the counter existed: the counter counts what it sees placed.
        db.jdbc().update("insert into orders (customer_id, total_cents) select 1000 + g % 50, 100 from generate_series(1, 2000) g");
        db.jdbc().execute("analyze orders");
    }

    @Test
    void a_read_is_one_lookup_of_the_counter_not_a_count_of_the_orders() {
        OrderCounter counter = new OrderCounter(db.dataSource(), BetweenSteps.NONE);
        for (int order = 0; order < 3; order++) {
            counter.placeOrder(7, 1_000);
        }
        counter.placeOrder(8, 2_000);
        long last = counter.placeOrder(8, 2_500);
        assertThat(db.jdbc().queryForList("select customer_id, total_cents from orders where id = ?", last))
                .as("the row of the id placeOrder(8, 2500) returned")
                .containsExactly(java.util.Map.of("customer_id", 8, "total_cents", 2_500));

        CountingDataSource counting = new CountingDataSource(db.dataSource());
        OrderCounter reader = new OrderCounter(counting, BetweenSteps.NONE);
        assertThat(List.of(reader.orderCount(7), reader.orderCount(8), reader.orderCount(9)))
                .as("order counts of customers 7, 8 and 9 after 3, 2 and 0 orders")
                .containsExactly(3L, 2L, 0L);
        assertThat(counting.count()).as("statements for 3 reads: %s", counting.statements()).isEqualTo(3);

        String read = counting.statements().get(0);
        Plan plan = Plan.explain(db.jdbc(), SqlQuery.of(read, 7));
        assertThat(plan.tables())
                .as("tables the read %s touches (%s): counting the orders table on every read costs one row per "
                        + "order; read a count kept in customer_order_counts instead", read, plan)
                .doesNotContain("orders")
                .contains("customer_order_counts");
        assertThat(plan.rowsRead()).as("rows read by one count read: %s", plan).isLessThanOrEqualTo(1);
    }

    @Test
    void eight_concurrent_writers_lose_no_update() {
        OrderCounter counter = new OrderCounter(db.dataSource(), BetweenSteps.NONE);
        int perWriter = 30;

        List<Concurrently.Outcome<Object>> outcomes = Concurrently.run(8, writer -> {
            for (int order = 0; order < perWriter; order++) {
                counter.placeOrder(1 + order % 3, 100 + writer);
            }
            return null;
        });

        assertThat(outcomes).as("writers that failed").allMatch(Concurrently.Outcome::succeeded);
        for (int customer = 1; customer <= 3; customer++) {
            long counted = db.jdbc().queryForObject("select count(*) from orders where customer_id = ?", Long.class,
                    customer);
            assertThat(counted).as("orders of customer %s in the orders table", customer).isEqualTo(8 * perWriter / 3);
            assertThat(counter.orderCount(customer))
                    .as("the kept count of customer %s after 8 writers placed %s orders each at the same time "
                            + "(count(*) says %s): a lower number means increments were lost", customer,
                            perWriter, counted)
                    .isEqualTo(counted);
        }
    }
}
