package workbook.measure;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two endpoints that take about the same time on an idle machine: /cpu computes for 20 ms, /io calls
 * a downstream service behind a Toxiproxy latency of 20 ms (80 ms for the scaling test, so that waiting
 * dominates even when a busy machine makes every hand-over between threads slow).
 */
@Task(4)
class Task4CpuOrIoTest {
    private static final Duration WORK = Duration.ofMillis(20);
    /** The downstream's latency when the endpoints are classified: long enough that the few milliseconds
     * of CPU an HTTP call costs on a JVM that has just started stay well under the 5% line. */
    private static final Duration IO_WAIT = Duration.ofMillis(80);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Four times the cores, and at least 8: many more threads than cores. */
    private static final int THREADS = Math.max(8, 4 * CORES);

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private static LabServer downstream;
    private static LabServer api;
    private static CpuTimeFilter filter;

    @BeforeAll
    static void startServers() throws Exception {
        downstream = LabServer.start(THREADS).route("/", () -> { });
        filter = new CpuTimeFilter();
        api = LabServer.start(THREADS);
    }

    @AfterAll
    static void stopServers() {
        api.close();
        downstream.close();
    }

    private void routeThroughSlowDownstream(String name, Duration latency) throws Exception {
        Toxi.Proxied proxied = toxi.localPort(name, downstream.port());
        proxied.toxics().latency("slow-downstream", ToxicDirection.DOWNSTREAM, latency.toMillis());
        Target call = Target.get(URI.create("http://" + proxied.host() + ":" + proxied.port() + "/"));
        api.route("/" + name + "/cpu", new CpuWork(WORK), filter).route("/" + name + "/io", call::call, filter)
                .route("/" + name + "-warm-up/cpu", new CpuWork(WORK)).route("/" + name + "-warm-up/io", call::call);
    }

    @Test
    void cpuTimeAgainstWallTimeTellsTheEndpointsApart() throws Exception {
        assertThat(filter.profile("/classify/none")).as("a path never requested").isEqualTo(Profile.NONE);
        assertThat(filter.description()).as("the filter's description").isNotBlank();
        routeThroughSlowDownstream("classify", IO_WAIT);
        ClosedLoopGenerator generator = new ClosedLoopGenerator(Ticker.system());
        generator.run(Target.get(api.uri("/classify-warm-up/cpu")), 1, 3); // compiled and connected first,
        generator.run(Target.get(api.uri("/classify-warm-up/io")), 1, 3);  // and not measured
        generator.run(Target.get(api.uri("/classify/cpu")), 1, 5);
        generator.run(Target.get(api.uri("/classify/io")), 1, 5);

        // the filter adds a request up after its answer has gone out: give the last one a moment
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(filter.profile("/classify/cpu").requests()).as("requests measured on /cpu").isEqualTo(5);
            assertThat(filter.profile("/classify/io").requests()).as("requests measured on /io").isEqualTo(5);
        });
        Profile cpu = filter.profile("/classify/cpu");
        Profile io = filter.profile("/classify/io");
        assertThat(io.wallNanos()).as("wall time of 5 /io requests, each waiting 80 ms for the downstream; measured: %s", io)
                .isGreaterThanOrEqualTo(5 * IO_WAIT.toNanos());
        assertThat(io.cpuNanos()).as("CPU time of /io: it waited, it did not compute; measured: %s", io)
                .isLessThan(io.wallNanos() / 20);
        assertThat(filter.boundOf("/classify/cpu")).as("/cpu: %s", cpu).isEqualTo(Bound.CPU);
        assertThat(filter.boundOf("/classify/io")).as("/io: %s", io).isEqualTo(Bound.IO);
    }

    @Test
    void theLineIsAtFivePercentOfWallTime() {
        assertThat(CpuTimeFilter.classify(new Profile(4, 400_000_000, 20_000_000)))
                .as("20 ms of CPU in 400 ms of wall time: exactly 5%%").isEqualTo(Bound.CPU);
        assertThat(CpuTimeFilter.classify(new Profile(4, 400_000_000, 19_999_999)))
                .as("just under 5%% of wall time on a CPU").isEqualTo(Bound.IO);
        assertThat(CpuTimeFilter.classify(new Profile(1, 20_000_000, 19_000_000))).as("95%% on a CPU").isEqualTo(Bound.CPU);
        assertThat(CpuTimeFilter.classify(new Profile(1, 20_000_000, 300_000))).as("1.5%% on a CPU").isEqualTo(Bound.IO);
    }

    @Test
    void threadsMultiplyIoBoundThroughputButCpuBoundOnlyUpToTheCores() throws Exception {
        double cpuExpected = CpuTimeFilter.expectedSpeedup(Bound.CPU, THREADS, CORES);
        double ioExpected = CpuTimeFilter.expectedSpeedup(Bound.IO, THREADS, CORES);
        assertThat(cpuExpected).as("expected speed-up of CPU-bound work, %d threads on %d cores", THREADS, CORES)
                .isEqualTo(Math.min(THREADS, CORES));
        assertThat(ioExpected).as("expected speed-up of I/O-bound work with %d threads", THREADS).isEqualTo(THREADS);

        routeThroughSlowDownstream("scale", Duration.ofMillis(80));
        Target cpu = Target.get(api.uri("/scale/cpu"));
        Target io = Target.get(api.uri("/scale/io"));
        Speedup cpuSpeedup = new Speedup(cpu, true);
        Speedup ioSpeedup = new Speedup(io, false);
        for (int round = 0; round < 2; round++) { // side by side, so a busy moment hurts both
            cpuSpeedup.measureRound();
            ioSpeedup.measureRound();
        }

        System.out.printf("[Task 4] %d threads vs 1 on %d cores: I/O-bound %.2fx (expected %.0fx), CPU-bound %.2fx (expected at most %.0fx)%n",
                THREADS, CORES, ioSpeedup.ratio(), ioExpected, cpuSpeedup.ratio(), cpuExpected);
        assertThat(ioSpeedup.ratio())
                .as("I/O-bound throughput, %d threads vs 1: waiting needs no core, so expected about %.0fx (at least 40%% of it); "
                        + "the CPU-bound endpoint measured %.2fx", THREADS, ioExpected, cpuSpeedup.ratio())
                .isGreaterThanOrEqualTo(ioExpected * 0.4);
        assertThat(cpuSpeedup.ratio())
                .as("CPU-bound throughput, %d threads vs 1 on %d cores: at most about %.0fx (margin for other processes); "
                        + "the I/O-bound endpoint measured %.2fx", THREADS, CORES, cpuExpected, ioSpeedup.ratio())
                .isLessThanOrEqualTo(cpuExpected * 1.75);
    }

    /**
     * The best time of each set-up over the rounds: other processes only ever make a run slower. For a
     * CPU-bound endpoint the single client's run counts no longer than the CPU time it used: it needs a
     * core the whole time, and another process taking that core stretches the wall clock but not the CPU
     * time, which would flatter the many threads (the scheduler shares cores per thread, not per process).
     */
    private static final class Speedup {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final Target target;
        private final boolean cpuBound;
        private long bestOneThread = Long.MAX_VALUE;
        private long bestManyThreads = Long.MAX_VALUE;

        Speedup(Target target, boolean cpuBound) throws InterruptedException {
            this.target = target;
            this.cpuBound = cpuBound;
            elapsed(THREADS, 1); // warm-up: connections opened, code compiled
        }

        void measureRound() throws InterruptedException {
            long cpuBefore = OS.getProcessCpuTime();
            long oneThread = elapsed(1, THREADS);
            long cpuUsed = OS.getProcessCpuTime() - cpuBefore;
            bestOneThread = Math.min(bestOneThread, cpuBound ? Math.min(oneThread, cpuUsed) : oneThread);
            bestManyThreads = Math.min(bestManyThreads, elapsed(THREADS, 1));
        }

        double ratio() {
            return (double) bestOneThread / bestManyThreads;
        }

        private long elapsed(int clients, int requestsEach) throws InterruptedException {
            long start = System.nanoTime();
            new ClosedLoopGenerator(Ticker.system()).run(target, clients, requestsEach);
            return System.nanoTime() - start;
        }
    }
}
