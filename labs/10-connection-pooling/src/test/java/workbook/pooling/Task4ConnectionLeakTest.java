package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

@Task(4)
class Task4ConnectionLeakTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final int POOL_SIZE = 4;
    /** HikariCP's leak timer runs this many times faster here, so that the 2 s threshold reports after 0.2 s. */
    static final int SPEED_UP = 10;

    @BeforeAll
    static void orders() throws Exception {
        LabDatabase.setUp(db, connection -> {
            Orders.createTable(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists empty");
            }
        });
    }

    static HikariDataSource pool(String schema) {
        return LabDatabase.direct(db).pool("leaks", POOL_SIZE, config -> {
            config.setConnectionTimeout(300);
            config.setSchema(schema);
        });
    }

    @Test
    void aNotFoundGivesItsConnectionBack() throws Exception {
        try (HikariDataSource pool = pool("public")) {
            OrderLookup lookup = new OrderLookup(pool);
            for (int request = 1; request <= POOL_SIZE + 2; request++) {
                Reply reply = lookup.find(1000 + request);
                assertThat(reply.status()).as("status for missing order %d", 1000 + request).isEqualTo(404);
                assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                        .as("connections still borrowed after %d not-found requests to a pool of %d. Each 404 that "
                                + "does not close its connection leaks it: after %d of them every request waits and times "
                                + "out. Close it on every path (try-with-resources)", request, POOL_SIZE, POOL_SIZE)
                        .isZero();
            }
            assertThat(lookup.find(3)).as("order 3 after the 404s").isEqualTo(Reply.ok("3000"));
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections borrowed after a 200").isZero();
        }
    }

    @Test
    void aFailingQueryGivesItsConnectionBack() throws Exception {
        try (HikariDataSource pool = pool("empty")) { // no orders table here: every query fails
            OrderLookup lookup = new OrderLookup(pool);
            Throwable failure = catchThrowable(() -> lookup.find(3));
            assertThat(failure).as("what find() does when the query fails").isNotNull();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                    .as("connections still borrowed after a query that threw (%s): an exception is an error path too",
                            failure.getMessage())
                    .isZero();
        }
    }

    @Test
    void leakDetectionReportsTheMethodThatLeaked() throws Exception {
        try (FastTimers timers = new FastTimers(SPEED_UP);
             HikariDataSource pool = OrderLookup.newPool(LabDatabase.direct(db).withPoolSettings(timers::use), 2)) {
            assertThat(pool.getLeakDetectionThreshold()).as("HikariCP's leakDetectionThreshold in ms of the pool "
                    + "OrderLookup.newPool builds (0 = off). Set it to OrderLookup.LEAK_THRESHOLD").isEqualTo(OrderLookup.LEAK_THRESHOLD.toMillis());
            assertThat(pool.getMaximumPoolSize()).as("maximum size of OrderLookup.newPool(database, 2)").isEqualTo(2);

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream original = System.err;
            System.setErr(new PrintStream(new TeeStream(original, log), true, StandardCharsets.UTF_8));
            try {
                LegacyExport.countOrders(pool);
                await("HikariCP's leak report").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> log.toString(StandardCharsets.UTF_8).contains("LegacyExport.countOrders"));
            } finally {
                System.setErr(original);
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).as("HikariCP's log").contains("Apparent connection leak detected");
        }
    }

    /** Writes to the original stream and to a copy. */
    static final class TeeStream extends java.io.OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }
    }
}
