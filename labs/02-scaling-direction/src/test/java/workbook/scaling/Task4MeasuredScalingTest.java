package workbook.scaling;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

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
     * Throughput of each fleet, in requests per second, all measured at the same time, after one
     * warm-up round that opens the connections each fleet needs. Whatever slows the machine down
     * meanwhile (another program, the garbage collector) slows every fleet alike, where measuring one
     * fleet after the other would charge it to whichever ran at the wrong moment. Each fleet gets
     * {@link #ROUNDS} requests per worker it should have, so a fleet that works as it should takes the
     * same {@link #ROUNDS} downstream waits whatever its size, and the fixed costs of a measurement
     * (threads, scheduling on a busy machine) weigh the same in every ratio.
     */
    static double[] sideBySide(List<Fleet> fleets, List<Integer> capacities) {
        eachAtOnce(fleets, fleet -> Load.throughput(fleets.get(fleet).uri().resolve("/work"), capacities.get(fleet),
                capacities.get(fleet)));
        return eachAtOnce(fleets, fleet -> Load.throughput(fleets.get(fleet).uri().resolve("/work"),
                ROUNDS * capacities.get(fleet), CLIENTS));
    }

    private static double[] eachAtOnce(List<Fleet> fleets, Concurrently.Call<Double> load) {
        double[] throughput = new double[fleets.size()];
        for (var outcome : Concurrently.run(fleets.size(), Duration.ofSeconds(25), load)) {
            if (outcome.error() instanceof Error error) {
                throw error; // a request that failed (Load's AssertionError)
            }
            if (outcome.error() instanceof RuntimeException error) {
                throw error;
            }
            throughput[outcome.caller()] = outcome.value();
        }
        return throughput;
    }

    /** The most requests each instance of {@code fleet} had in progress at once. */
    static List<Integer> peaks(Fleet fleet) {
        return fleet.instances().stream().map(WorkerApp::peakInFlight).toList();
    }

    @Test
    void anInstanceWorksOnAsManyRequestsAsItHasWorkers() {
        try (Fleet fleet = Fleet.start(1, WORKERS, slowDownstream)) {
            // Twice as many requests at once as the instance has workers: only the worker count may limit them.
            int requests = 2 * WORKERS;
            Load.throughput(fleet.uri().resolve("/work"), requests, requests);
            assertThat(fleet.instances().get(0).peakInFlight()).as("requests one instance with " + WORKERS + " workers had in "
                    + "progress at once, sent " + requests + " requests together. 1 means the requests ran one after the other "
                    + "(the JDK HttpServer runs handlers on its single dispatcher thread unless given an executor); more than "
                    + WORKERS + " means the pool is not fixed").isEqualTo(WORKERS);
        }
    }

    @Test
    void threeTimesTheCapacityOutOrUpServesAtLeastTwoAndAHalfTimesTheRequests() {
        try (Fleet one = Fleet.start(1, WORKERS, slowDownstream);
             Fleet threeInstances = Fleet.start(3, WORKERS, slowDownstream);
             Fleet threeTimesTheWorkers = Fleet.start(1, 3 * WORKERS, slowDownstream)) {
            double[] throughput = sideBySide(List.of(one, threeInstances, threeTimesTheWorkers), List.of(WORKERS, 3 * WORKERS, 3 * WORKERS));
            double ratioOut = throughput[1] / throughput[0];
            double ratioUp = throughput[2] / throughput[0];
            System.out.printf("[Task 4] side by side: 1 instance x %d workers: %.1f req/s; 3 instances: %.1f req/s (%.2fx); "
                    + "1 instance x %d workers: %.1f req/s (%.2fx)%n", WORKERS, throughput[0], throughput[1], ratioOut, 3 * WORKERS,
                    throughput[2], ratioUp);
            assertThat(ratioOut).as(String.format("throughput of 3 instances over 1 (%.1f vs %.1f requests/s, %d workers each, "
                    + "%d ms downstream wait; requests in progress at once per instance: %s vs %s): scaling out an I/O-bound "
                    + "endpoint should give close to 3x. About 1x means the balancer does not spread the load", throughput[1],
                    throughput[0], WORKERS, LATENCY_MS, peaks(threeInstances), peaks(one)))
                    .isGreaterThanOrEqualTo(2.5);
            assertThat(ratioUp).as(String.format("throughput of 1 instance with %d workers over 1 with %d (%.1f vs %.1f "
                    + "requests/s; requests in progress at once: %s vs %s): requests that only wait need threads, not cores, so "
                    + "3x the workers should give close to 3x. About 1x means the instance ignores its worker count", 3 * WORKERS,
                    WORKERS, throughput[2], throughput[0], peaks(threeTimesTheWorkers), peaks(one)))
                    .isGreaterThanOrEqualTo(2.5);
            // The capacity behind those ratios, counted: the downstream waits each instance overlapped.
            assertThat(peaks(threeInstances)).as("requests each instance of Fleet.start(3, %d, ...) had in progress at once, "
                    + "with %d requests on the way at a time: each instance has %d workers", WORKERS, CLIENTS, WORKERS)
                    .containsExactly(WORKERS, WORKERS, WORKERS);
            assertThat(peaks(threeTimesTheWorkers)).as("requests the instance of Fleet.start(1, %d, ...) had in progress at once, "
                    + "with %d requests on the way at a time", 3 * WORKERS, CLIENTS)
                    .containsExactly(3 * WORKERS);
        }
    }
}
