package workbook.scaling;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An I/O-bound endpoint: every request waits 400 ms on a downstream slowed by a Toxiproxy latency
 * toxic. Capacity is how many requests wait at once, so it grows with instances and with workers.
 */
@Task(4)
class Task4MeasuredScalingTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int LATENCY_MS = 400;
    static final int WORKERS = 2;
    /** Each measurement keeps every worker busy for this many downstream waits. */
    static final int ROUNDS = 3;
    static final int CLIENTS = 12;

    static Downstream downstream;
    static Toxi.Proxied proxied;
    static URI slowDownstream;

    @BeforeAll
    static void startDownstream() {
        downstream = new Downstream();
        proxied = toxi.localPort("downstream", downstream.port());
        slowDownstream = URI.create("http://" + proxied.address() + "/");
    }

    @BeforeEach
    void slowDownTheDownstream() throws IOException {
        // The lab kit removes toxics after each test, so each test adds its own.
        proxied.toxics().latency("downstream-wait", ToxicDirection.DOWNSTREAM, LATENCY_MS);
    }

    @AfterAll
    static void stopDownstream() {
        downstream.close();
    }

    /**
     * Throughput of a fleet, in requests per second, after one warm-up round (connections, JIT). The
     * load is {@link #ROUNDS} requests per worker the fleet should have, so a fleet that works as it
     * should takes the same time whatever its size, and the fixed costs of a measurement (threads,
     * connections, scheduling on a busy machine) weigh the same in every ratio.
     */
    static double measure(Fleet fleet, int capacity) {
        Load.throughput(fleet.uri().resolve("/work"), capacity, capacity);
        return Load.throughput(fleet.uri().resolve("/work"), ROUNDS * capacity, CLIENTS);
    }

    @Test
    void anInstanceWorksOnAsManyRequestsAsItHasWorkers() {
        try (Fleet fleet = Fleet.start(1, WORKERS, slowDownstream)) {
            // More requests at once than the instance has workers: only the worker count may limit them.
            Load.throughput(fleet.uri().resolve("/work"), ROUNDS * WORKERS, CLIENTS);
            assertThat(fleet.instances().get(0).peakInFlight()).as("requests one instance with " + WORKERS + " workers had in "
                    + "progress at once, sent " + ROUNDS * WORKERS + " requests together. 1 means the requests ran one after the other "
                    + "(the JDK HttpServer runs handlers on its single dispatcher thread unless given an executor); more than "
                    + WORKERS + " means the pool is not fixed").isEqualTo(WORKERS);
        }
    }

    @Test
    void threeTimesTheCapacityOutOrUpServesAtLeastTwoAndAHalfTimesTheRequests() {
        double one;
        double threeInstances;
        double threeTimesTheWorkers;
        try (Fleet fleet = Fleet.start(1, WORKERS, slowDownstream)) {
            one = measure(fleet, WORKERS);
        }
        try (Fleet fleet = Fleet.start(3, WORKERS, slowDownstream)) {
            threeInstances = measure(fleet, 3 * WORKERS);
        }
        try (Fleet fleet = Fleet.start(1, 3 * WORKERS, slowDownstream)) {
            threeTimesTheWorkers = measure(fleet, 3 * WORKERS);
        }
        System.out.printf("[Task 4] 1 instance x %d workers: %.1f req/s; 3 instances: %.1f req/s (%.2fx); 1 instance x %d workers: %.1f req/s (%.2fx)%n",
                WORKERS, one, threeInstances, threeInstances / one, 3 * WORKERS, threeTimesTheWorkers, threeTimesTheWorkers / one);
        assertThat(threeInstances / one).as(String.format("throughput of 3 instances over 1 (%.1f vs %.1f requests/s, %d workers each, "
                + "%d ms downstream wait): scaling out an I/O-bound endpoint should give close to 3x. About 1x means the "
                + "balancer does not spread the load", threeInstances, one, WORKERS, LATENCY_MS))
                .isGreaterThanOrEqualTo(2.5);
        assertThat(threeTimesTheWorkers / one).as(String.format("throughput of 1 instance with %d workers over 1 with %d (%.1f vs %.1f "
                + "requests/s): requests that only wait need threads, not cores, so 3x the workers should give close to 3x. "
                + "About 1x means the instance ignores its worker count", 3 * WORKERS, WORKERS, threeTimesTheWorkers, one))
                .isGreaterThanOrEqualTo(2.5);
    }
}
