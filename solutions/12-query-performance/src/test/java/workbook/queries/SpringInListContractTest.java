package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import workbook.labkit.Postgres;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch load of Task 3 as a data-access library writes it: Spring's NamedParameterJdbcTemplate expands
 * a collection parameter into {@code in (?, ?, ...)}, which is also what Hibernate's batch fetching sends.
 * Held to the same contract as OrderLoader: the newest orders with their lines, in two statements.
 */
@Task(3)
class SpringInListContractTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    /** OrderLoader's contract, on NamedParameterJdbcTemplate. */
    record InListLoader(DataSource dataSource) {
        List<OrderWithItems> latest(int limit) {
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
            List<Order> orders = Order.latest(named.getJdbcTemplate(), limit);
            if (orders.isEmpty()) {
                return List.of(); // "in ()" is not SQL: the expansion needs at least one id
            }
            Map<Long, List<OrderItem>> lines = named.query(
                    "select " + OrderItem.COLUMNS + " from order_items where order_id in (:ids) order by id",
                    Map.of("ids", orders.stream().map(Order::id).toList()),
                    (row, number) -> OrderItem.from(row)).stream()
                    .collect(Collectors.groupingBy(OrderItem::orderId));
            return orders.stream().map(order -> new OrderWithItems(order, lines.getOrDefault(order.id(), List.of())))
                    .toList();
        }
    }

    @BeforeAll
    static void shop() {
        OrdersSchema.create(db.jdbc());
        ShopData.ordersWithLines(db.jdbc(), 150, order -> order % 5 == 0 ? 0 : 1 + order % 3);
    }

    @Test
    void the_in_list_loads_the_same_orders_in_two_statements() {
        for (int limit : new int[]{0, 1, 100}) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            List<OrderWithItems> loaded = new InListLoader(counting).latest(limit);

            assertThat(loaded).as("latest(%s) through an IN list", limit).isEqualTo(ShopData.expectedLatest(db.jdbc(), limit));
            assertThat(loaded).as("latest(%s) through OrderLoader", limit).isEqualTo(new OrderLoader(db.dataSource()).latest(limit));
            assertThat(counting.count()).as("statements for latest(%s): %s", limit, counting.statements()).isLessThanOrEqualTo(2);
        }
    }
}
