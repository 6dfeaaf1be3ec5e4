package workbook.queries;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The back office's list of the newest 100 orders with their lines, loaded by your {@link OrderLoader}. */
@Task(3)
class Task3NPlusOneTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int LATENCY_MS = 5;
    static final double MAX_RATIO = 4.0;

    @BeforeAll
    static void shop() {
        OrdersSchema.create(db.jdbc());
        ShopData.ordersWithLines(db.jdbc(), 150, order -> 1 + order % 3);
    }

    @Test
    void one_hundred_orders_and_their_lines_take_at_most_two_statements() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());

        List<OrderWithItems> loaded = new OrderLoader(counting).latest(100);

        assertThat(counting.count())
                .as("statements sent to load 100 orders with their lines: one for the orders and one per order is "
                        + "the N+1 pattern; the first of them: %s", counting.statements().stream().limit(3).toList())
                .isLessThanOrEqualTo(2);
        List<OrderWithItems> expected = ShopData.expectedLatest(db.jdbc(), 100);
        assertThat(loaded).as("the 100 newest orders, newest first, each with its lines in id order")
                .hasSize(100)
                .isEqualTo(expected);
    }

    @Test
    void latency_follows_the_number_of_round_trips_not_the_number_of_orders() throws Exception {
        Toxi.Proxied proxied = toxi.postgres(db);
        DataSource overTheNetwork = db.newPool(db.jdbcUrl(proxied), config -> {
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
        });
        OrderLoader loader = new OrderLoader(overTheNetwork);
        loader.latest(1); // the connection is open and the statements are prepared before the clock starts
        proxied.toxics().latency("round-trip", ToxicDirection.DOWNSTREAM, LATENCY_MS);

        long one = fastestOf(3, Long.MIN_VALUE, () -> loader.latest(1));
        // Up to three runs, stopping at the first fast enough one: a noisy machine gets retries, a slow loader
        // fails in about a second and a half.
        long hundred = fastestOf(3, (long) (MAX_RATIO * one), () -> loader.latest(100));

        assertThat((double) hundred / one)
                .as("time to load 100 orders (%s ms) over time to load 1 (%s ms), with %s ms added to every round "
                        + "trip: with one statement per order the 100 cost about 50 times more; with a fixed number of "
                        + "statements, about the same", hundred / 1_000_000, one / 1_000_000, LATENCY_MS)
                .isLessThan(MAX_RATIO);
    }

    /** The fastest of {@code runs} runs in nanoseconds, or the first one faster than {@code enough}. */
    private static long fastestOf(int runs, long enough, Runnable load) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < runs && best >= enough; run++) {
            long start = System.nanoTime();
            load.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
