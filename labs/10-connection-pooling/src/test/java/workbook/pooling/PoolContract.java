package workbook.pooling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Task 2's contract for a connection pool, run against real PostgreSQL with max_connections = 20.
 * {@code Task2BlockingPoolTest} runs it against your {@link BlockingPool}; the solution runs the same
 * contract against HikariCP.
 */
abstract class PoolContract {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final int BURST = 100;
    static final int POOL_SIZE = 10;
    static final Duration HOLD = Duration.ofMillis(50);
    static final Duration LONG_WAIT = Duration.ofSeconds(5);
    static final Duration SHORT_WAIT = Duration.ofMillis(300);

    /** The pool under test: at most {@code size} connections, callers wait at most {@code maxWait}. */
    abstract ConnectionPool newPool(ConnectionFactory factory, int size, Duration maxWait);

    /** Lets idle connections age past any window in which a pool skips checking them (none for BlockingPool). */
    void letIdleConnectionsAge() throws InterruptedException {
    }

    @BeforeAll
    static void products() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
    }

    static Endpoint database() {
        return LabDatabase.direct(db);
    }

    static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    static HttpResponse<String> get(HttpClient client, QuoteServer server, long productId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/quote?id=" + productId))
                .timeout(Duration.ofSeconds(20)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBurstOfAHundredClientsIsServedWithinTheBound() {
        try (ConnectionPool pool = newPool(database()::connect, POOL_SIZE, LONG_WAIT)) {
            List<Concurrently.Outcome<Quote>> outcomes = Concurrently.run(BURST, caller -> {
                try (Connection connection = pool.borrow()) {
                    return Prices.read(connection, 1 + caller % Prices.PRODUCTS, HOLD);
                }
            });

            Map<String, Integer> results = new TreeMap<>();
            for (Concurrently.Outcome<Quote> outcome : outcomes) {
                String kind = outcome.succeeded() ? "served"
                        : outcome.error() instanceof SQLException e && "53300".equals(e.getSQLState()) ? "too many clients (53300)"
                        : outcome.error().getClass().getSimpleName();
                results.merge(kind, 1, Integer::sum);
            }
            System.out.println("[Task 2] " + BURST + " clients at once, pool of " + POOL_SIZE + ", max_connections = "
                    + LabDatabase.MAX_CONNECTIONS + ": " + results);
            assertThat(results)
                    .as("what %d clients arriving at once got, each holding a connection for %d ms, from a pool of %d "
                            + "on a server with max_connections = %d. 'too many clients' is PostgreSQL refusing "
                            + "connections beyond its limit: the pool must never open more than its size, and make "
                            + "the others wait their turn", BURST, HOLD.toMillis(), POOL_SIZE, LabDatabase.MAX_CONNECTIONS)
                    .isEqualTo(Map.of("served", BURST));
            assertThat(pool.openConnections()).as("physical connections the pool has open after the burst (its size is %d)", POOL_SIZE)
                    .isBetween(1, POOL_SIZE);
        }
    }

    @Test
    void whenTheBoundedWaitRunsOutTheServerAnswers503WithRetryAfter() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (ConnectionPool pool = newPool(database()::connect, 2, SHORT_WAIT);
             QuoteServer server = QuoteServer.start(pool, Duration.ZERO)) {
            Connection first = pool.borrow();
            Connection second = pool.borrow();

            long start = System.nanoTime();
            HttpResponse<String> busy = get(client, server, 7);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(busy.statusCode()).as("status of a request while both connections of a pool of 2 are borrowed "
                    + "(reply: %s). 200 means the pool opened a third connection: it must wait at most %d ms, then "
                    + "fail with a PoolTimeoutException, which the server turns into 503", busy.body(), SHORT_WAIT.toMillis())
                    .isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).as("Retry-After of the 503").contains(QuoteServer.RETRY_AFTER_SECONDS);
            assertThat(waitedMillis).as("ms the request waited for a connection before the 503; the pool's bounded wait is %d ms",
                    SHORT_WAIT.toMillis()).isGreaterThanOrEqualTo(SHORT_WAIT.toMillis());
            assertThat(pool.openConnections()).as("connections open in a pool of 2").isEqualTo(2);

            first.close();
            HttpResponse<String> served = get(client, server, 7);
            assertThat(served.statusCode()).as("status once a connection came back (reply: %s)", served.body()).isEqualTo(200);
            assertThat(served.body()).as("price of product 7 in cents").isEqualTo("700");
            second.close();
        }
    }

    @Test
    void aWaitingCallerGetsTheConnectionThatComesBack() throws Exception {
        try (ConnectionPool pool = newPool(database()::connect, 1, LONG_WAIT)) {
            Connection held = pool.borrow();
            int heldPid = backendPid(held);
            CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = pool.borrow()) {
                    return backendPid(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("a second caller of a pool of 1, while the one connection is borrowed, waiting")
                    .failFast("the second caller's borrow() of a pool of 1 returned (or failed) while the only connection "
                            + "was still borrowed: it must wait until that connection comes back", waiter::isDone)
                    .during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.isDone());

            held.close();
            assertThat(waiter.get(LONG_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("server process the waiting caller got: the one the first caller gave back").isEqualTo(heldPid);
            assertThat(pool.openConnections()).as("connections open in a pool of 1").isEqualTo(1);
        }
    }

    @Test
    void aBrokenIdleConnectionIsReplacedNotHandedOut() throws Exception {
        try (ConnectionPool pool = newPool(database()::connect, 1, LONG_WAIT)) {
            int brokenPid;
            try (Connection connection = pool.borrow()) {
                brokenPid = backendPid(connection);
            }
            LabDatabase.terminate(db, brokenPid); // the server ends the idle connection's process
            await("the terminated server process gone").atMost(Duration.ofSeconds(5))
                    .until(() -> LabDatabase.count(db, "select count(*) from pg_stat_activity where pid = " + brokenPid) == 0);
            letIdleConnectionsAge();

            Throwable failure;
            int newPid = 0;
            try (Connection connection = pool.borrow()) {
                failure = catchThrowable(() -> backendPid(connection));
                if (failure == null) {
                    newPid = backendPid(connection);
                }
            }
            assertThat(failure).as("error of a query on the connection borrowed after the server ended the idle one: "
                    + "check an idle connection before handing it out (Connection.isValid) and replace a broken one").isNull();
            assertThat(newPid).as("server process of the replacement").isNotEqualTo(brokenPid);
            assertThat(pool.openConnections()).as("connections open: the broken one closed, its replacement open").isEqualTo(1);
        }
    }

    @Test
    void theBoundedWaitFailsWithAClearTransientError() throws Exception {
        try (ConnectionPool pool = newPool(database()::connect, 1, SHORT_WAIT)) {
            try (Connection held = pool.borrow()) {
                Throwable failure = catchThrowable(pool::borrow);
                assertThat(failure).as("what borrow() does when the only connection of a pool of 1 stays borrowed for "
                        + "the whole wait: an SQLTransientConnectionException (PoolTimeoutException) after %d ms",
                        SHORT_WAIT.toMillis()).isInstanceOf(SQLTransientConnectionException.class);
                assertThat(held.isClosed()).as("the held connection is untouched by the failed borrow").isFalse();
            }
            try (Connection again = pool.borrow()) {
                assertThat(backendPid(again)).as("a borrow after the held connection came back works").isPositive();
            }
        }
    }
}
