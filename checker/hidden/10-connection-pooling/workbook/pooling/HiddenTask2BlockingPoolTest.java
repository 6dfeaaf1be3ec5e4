package workbook.pooling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

@Task(2)
class HiddenTask2BlockingPoolTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void products() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
    }

    static Endpoint database() {
        return LabDatabase.direct(db);
    }

    static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void aFailedOpenReachesTheCallerAndCostsThePoolNothing() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ConnectionFactory flaky = () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("the database is restarting", "57P03");
            }
            return database().connect();
        };
        try (BlockingPool pool = new BlockingPool(flaky, 1, Duration.ofMillis(300))) {
            for (int i = 0; i < 2; i++) {
                Throwable failure = catchThrowable(pool::borrow);
                assertThat(failure).as("borrow while opening a connection fails").isInstanceOf(SQLException.class)
                        .isNotInstanceOf(PoolTimeoutException.class);
                assertThat(((SQLException) failure).getSQLState()).as("the factory's own error").isEqualTo("57P03");
            }
            assertThat(pool.openConnections()).as("connections open after two failed opens").isZero();
            try (Connection connection = pool.borrow()) {
                assertThat(pid(connection)).as("a pool of 1 after two failed opens still has its one slot").isPositive();
            }
            assertThat(pool.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void connectionsAreOpenedOnlyWhenNeededAndReused() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        try (BlockingPool pool = new BlockingPool(() -> {
            opened.incrementAndGet();
            return database().connect();
        }, 3, Duration.ofSeconds(2))) {
            assertThat(pool.openConnections()).as("connections of a new pool").isZero();
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            int pidA = pid(a);
            a.close();
            a.close(); // a second close gives nothing back twice
            try (Connection c = pool.borrow(); Connection d = pool.borrow()) {
                assertThat(pid(c)).as("the connection given back is the next one out").isEqualTo(pidA);
                assertThat(pid(d)).isNotEqualTo(pidA);
            }
            b.close();
            assertThat(opened.get()).as("physical connections opened for at most 3 in use at once").isEqualTo(3);
            assertThat(pool.openConnections()).isEqualTo(3);
        }
    }

    @Test
    void everyBrokenIdleConnectionIsClosedAndCounted() throws Exception {
        try (BlockingPool pool = new BlockingPool(database()::connect, 3, Duration.ofSeconds(2))) {
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            Connection c = pool.borrow();
            int pidA = pid(a);
            int pidB = pid(b);
            int pidC = pid(c);
            a.close();
            b.close();
            c.close();
            LabDatabase.terminate(db, pidA);
            LabDatabase.terminate(db, pidB);
            LabDatabase.terminate(db, pidC);
            await().atMost(Duration.ofSeconds(5)).until(() -> LabDatabase.connectionsAtServer(db) == 0);

            try (Connection fresh = pool.borrow()) {
                assertThat(pid(fresh)).as("server process of the connection borrowed after all 3 idle ones were ended")
                        .isNotIn(pidA, pidB, pidC);
                assertThat(pool.openConnections()).as("connections open: 3 broken ones closed, 1 new").isEqualTo(1);
            }
        }
    }

    @Test
    void theWaitIsBoundedAndTheErrorSaysSo() throws Exception {
        Duration wait = Duration.ofMillis(400);
        try (BlockingPool pool = new BlockingPool(database()::connect, 2, wait)) {
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            long start = System.nanoTime();
            Throwable failure = catchThrowable(pool::borrow);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(failure).isInstanceOf(PoolTimeoutException.class).hasMessageContaining("all 2 connections")
                    .hasMessageContaining("400 ms");
            assertThat(waited).as("ms borrow waited for a pool with maxWait 400 ms").isBetween(400L, 3_000L);
            a.close();
            b.close();
        }
    }

    @Test
    void closingThePoolClosesIdleConnectionsAndThoseThatComeBack() throws Exception {
        BlockingPool pool = new BlockingPool(database()::connect, 3, Duration.ofSeconds(2));
        Connection kept = pool.borrow();
        pool.borrow().close();
        pool.borrow().close();
        pool.close();
        assertThat(pool.openConnections()).as("connections open after close with one still borrowed").isEqualTo(1);
        kept.close();
        assertThat(pool.openConnections()).as("connections open once the borrowed one came back to a closed pool").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> LabDatabase.connectionsAtServer(db) == 0);
        assertThatThrownBy(pool::borrow).as("borrow from a closed pool").isInstanceOf(SQLException.class);
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndKeepsItsInterruptFlag() throws Exception {
        try (BlockingPool pool = new BlockingPool(database()::connect, 1, Duration.ofSeconds(10))) {
            Connection held = pool.borrow();
            java.util.concurrent.CompletableFuture<Object[]> waiter = new java.util.concurrent.CompletableFuture<>();
            Thread thread = new Thread(() -> {
                Throwable failure = catchThrowable(pool::borrow);
                waiter.complete(new Object[]{failure, Thread.currentThread().isInterrupted()});
            });
            thread.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> thread.getState() == Thread.State.WAITING
                    || thread.getState() == Thread.State.TIMED_WAITING);
            thread.interrupt();
            Object[] outcome = waiter.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat((Throwable) outcome[0]).as("what an interrupted borrow throws").isInstanceOf(SQLException.class)
                    .isNotInstanceOf(PoolTimeoutException.class);
            assertThat((Boolean) outcome[1]).as("the waiter's interrupt flag after borrow gave up").isTrue();
            held.close();
            try (Connection again = pool.borrow()) {
                assertThat(pid(again)).as("the pool still serves after an interrupted waiter").isPositive();
            }
        }
    }

    @Test
    void aPoolNeedsAtLeastOneConnection() {
        assertThatThrownBy(() -> new BlockingPool(database()::connect, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        new BlockingPool(database()::connect, 1, Duration.ofSeconds(1)).close();
    }
}
