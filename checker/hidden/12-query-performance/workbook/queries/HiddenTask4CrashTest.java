package workbook.queries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A writer that dies between the order and its count leaves neither behind. */
@Task(4)
class HiddenTask4CrashTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeEach
    void emptyShop() {
        Task4CounterTest.emptyShop(db);
    }

    long orders(int customer) {
        return db.jdbc().queryForObject("select count(*) from orders where customer_id = ?", Long.class, customer);
    }

    @Test
    void a_crash_between_the_writes_rolls_back_the_order() {
        AtomicBoolean crash = new AtomicBoolean();
        OrderCounter counter = new OrderCounter(db.dataSource(), orderId -> {
            if (crash.get()) {
                throw new IllegalStateException("the writer died after inserting order " + orderId);
            }
        });
        counter.placeOrder(5, 100);
        crash.set(true);
        assertThatThrownBy(() -> counter.placeOrder(5, 200)).as("the crash reaches the caller")
                .hasMessageContaining("the writer died");
        assertThat(orders(5)).as("orders of customer 5 after one order and one that crashed half-way").isEqualTo(1);
        assertThat(counter.orderCount(5)).as("kept count of customer 5").isEqualTo(1);

        crash.set(false);
        counter.placeOrder(5, 300);
        assertThat(orders(5)).as("orders of customer 5 after the next order").isEqualTo(2);
        assertThat(counter.orderCount(5)).as("kept count after the next order").isEqualTo(2);
    }

    @Test
    void the_first_order_of_a_customer_crashing_leaves_no_count() {
        OrderCounter crashing = new OrderCounter(db.dataSource(), orderId -> {
            throw new IllegalStateException("crash");
        });
        assertThatThrownBy(() -> crashing.placeOrder(6, 100)).hasMessage("crash");
        assertThat(orders(6)).as("orders of customer 6").isZero();
        assertThat(db.jdbc().queryForObject("select count(*) from customer_order_counts", Long.class))
                .as("counter rows after a crashed first order").isZero();
        assertThat(new OrderCounter(db.dataSource(), BetweenSteps.NONE).orderCount(6)).isZero();
    }
}
