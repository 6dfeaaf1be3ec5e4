package workbook.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4ConnectionStormTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final int INVOCATIONS = 200;
    static final int POOL_SIZE = 10;

    @BeforeAll
    static void orders() throws Exception {
        LabDatabase.createOrders(db);
    }

    @Test
    void twoHundredInvocationsThroughOnePoolAreAllServedWithinItsConnections() throws Exception {
        Storm.Result direct = Storm.run(INVOCATIONS, OrderFunction.direct(LabDatabase.direct(db), INVOCATIONS));
        System.out.println("[Task 4] " + INVOCATIONS + " invocations, each with its own connection, max_connections = "
                + LabDatabase.MAX_CONNECTIONS + ": " + direct);
        assertThat(direct.served()).as("invocations served when each instance holds its own connection (%s): never more "
                + "than max_connections", direct).isBetween(1, LabDatabase.MAX_CONNECTIONS);
        assertThat(direct.refused()).as("invocations PostgreSQL refused (%s): every one that was not served. This is the "
                + "connection storm", direct).isEqualTo(INVOCATIONS - direct.served());

        Storm.Result pooled;
        int peak;
        try (DataService service = DataService.start(LabDatabase.forService(db), POOL_SIZE, Duration.ofSeconds(10));
             LabDatabase.ConnectionWatch watch = new LabDatabase.ConnectionWatch(db)) {
            pooled = Storm.run(INVOCATIONS, OrderFunction.viaDataService(service.port()));
            peak = watch.peak();
        }
        System.out.println("[Task 4] the same " + INVOCATIONS + " through the data service (pool of " + POOL_SIZE + "): "
                + pooled + "; at most " + peak + " of its connections at the server");
        assertThat(pooled.served()).as("invocations served through the data service (%s): all %d must be, none refused, "
                + "none turned away with 503 when the pool may wait 10 s", pooled, INVOCATIONS).isEqualTo(INVOCATIONS);
        assertThat(peak).as("the data service's connections at the server, at most, during the storm: one pool of %d "
                + "serves them all, whatever the number of function instances", POOL_SIZE).isBetween(1, POOL_SIZE);
    }

    @Test
    void aMissingOrderIsA404AndTheServiceKeepsServing() throws Exception {
        try (DataService service = DataService.start(LabDatabase.forService(db), 2, Duration.ofSeconds(10))) {
            OrderFunction function = OrderFunction.viaDataService(service.port());
            for (int i = 0; i < 5; i++) {
                assertThat(function.handle(10_000 + i)).as("status of order %d, which does not exist (the data service "
                        + "must answer 404)", 10_000 + i).isEqualTo("missing");
            }
            assertThat(function.handle(7)).as("status of order 7 after 5 missing ones, with a pool of 2: a connection not "
                    + "given back after a 404 would leave none").isEqualTo("paid");
            assertThat(function.handle(9)).as("status of order 9").isEqualTo("shipped");
        }
    }

    @Test
    void whenNoConnectionComesFreeInTimeTheServiceAnswers503() {
        Storm.Result result;
        try (DataService service = DataService.start(LabDatabase.forService(db), 1, Duration.ofMillis(250))) {
            result = Storm.run(20, OrderFunction.viaDataService(service.port()));
        }
        System.out.println("[Task 4] 20 invocations at once, pool of 1 that waits at most 250 ms: " + result);
        assertThat(result.busy()).as("invocations answered 503 (%s): 20 queries of 50 ms on one connection take 1 s, and "
                + "a request may wait only 250 ms for it", result).isPositive();
        assertThat(result.served() + result.busy()).as("invocations served or answered 503 (%s): nothing else, no 500s and "
                + "no refusals", result).isEqualTo(20);
    }
}
