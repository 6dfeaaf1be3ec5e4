package workbook.measure;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

@Task(3)
class Task3LittlesLawTest {
    /** How far the measured throughput may be from the prediction. */
    static final double TOLERANCE_PERCENT = 15;

    @Test
    void predictionsFollowFromLEqualsLambdaTimesW() {
        assertThat(LittlesLaw.maxThroughput(4, Duration.ofMillis(20)))
                .as("4 workers, 20 ms per request: each completes 50 a second").isEqualTo(200.0);
        assertThat(LittlesLaw.maxThroughput(3, Duration.ofMillis(40))).as("3 workers, 40 ms per request").isEqualTo(75.0);
        assertThat(LittlesLaw.concurrency(200, Duration.ofMillis(40)))
                .as("requests in flight at 200 per second when each takes 40 ms").isEqualTo(8.0);
        assertThat(LittlesLaw.concurrency(1_000, Duration.ofMillis(250))).as("in flight at 1,000/s x 250 ms").isEqualTo(250.0);
        assertThat(LittlesLaw.workersFor(500, Duration.ofMillis(30))).as("workers for 500/s at 30 ms: exactly 15").isEqualTo(15);
        assertThat(LittlesLaw.workersFor(250, Duration.ofMillis(30)))
                .as("workers for 250/s at 30 ms: 7.5 workers' worth of work needs 8 workers").isEqualTo(8);
    }

    /**
     * A real server with 8 workers and 200 ms of work per request, driven by 16 closed-loop clients (twice
     * its workers, so that a request always waits in line for the next free worker). The throughput is
     * taken in the steady state (the requests answered after the first 8, over the time they took); a
     * second round runs only if the first missed the prediction, and the better round counts, because
     * other processes can only slow a run down.
     */
    @Test
    void aServerSaturatesAtItsPredictedThroughput() throws Exception {
        int workers = 8;
        Duration serviceTime = Duration.ofMillis(200);
        int clients = 16;
        double predicted = LittlesLaw.maxThroughput(workers, serviceTime);

        try (LabServer server = LabServer.start(workers)) {
            server.route("/work", () -> Thread.sleep(serviceTime.toMillis())).route("/warm", () -> { });
            ClosedLoopGenerator generator = new ClosedLoopGenerator(Ticker.system());
            generator.run(Target.get(server.uri("/warm")), clients, 2); // opens the connections

            Target work = Target.get(server.uri("/work"));
            double measured = 0;
            for (int round = 0; round < 2 && !closeEnough(measured, predicted); round++) {
                Queue<Long> answered = new ConcurrentLinkedQueue<>();
                generator.run(() -> {
                    work.call();
                    answered.add(System.nanoTime());
                }, clients, 3);
                long[] at = answered.stream().mapToLong(Long::longValue).sorted().toArray();
                measured = Math.max(measured, (at.length - workers) / ((at[at.length - 1] - at[workers - 1]) / 1e9));
            }
            System.out.printf("[Task 3] %d workers x 200 ms, %d clients: predicted %.1f/s, measured %.1f/s%n",
                    workers, clients, predicted, measured);

            assertThat(measured).as("requests per second measured with %d clients, after the first %d answers; "
                    + "predicted %.0f (8 workers / 200 ms)", clients, workers, predicted).isCloseTo(predicted, withinPercentage(TOLERANCE_PERCENT));
        }
    }

    private static boolean closeEnough(double measured, double predicted) {
        return Math.abs(measured - predicted) <= TOLERANCE_PERCENT / 100 * Math.abs(predicted);
    }
}
