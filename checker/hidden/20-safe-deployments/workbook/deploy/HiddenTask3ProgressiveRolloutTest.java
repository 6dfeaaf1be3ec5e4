package workbook.deploy;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: each step on its own evidence and its own clock, the gates' edges, other steps. */
@Task(3)
class HiddenTask3ProgressiveRolloutTest {
    static final Duration BAKE = Duration.ofMinutes(10);
    static final Duration FAST = Duration.ofMillis(40);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));

    private static void serve(ProgressiveRollout rollout, int requests, int failed, Duration latency) {
        for (int i = 0; i < requests; i++) {
            rollout.record(i < failed, latency);
        }
    }

    private ProgressiveRollout rollout(int minRequests) {
        return new ProgressiveRollout(List.of(1, 5, 25, 100),
                new RolloutGates(0.02, Duration.ofMillis(300), minRequests, BAKE), clock);
    }

    @Test
    void eachStepIsJudgedOnItsOwnRequests() {
        ProgressiveRollout rollout = rollout(200);
        serve(rollout, 200, 0, FAST);
        clock.advance(BAKE);
        rollout.evaluate();
        assertThat(rollout.percent()).isEqualTo(5);
        serve(rollout, 100, 0, FAST);
        clock.advance(BAKE);
        rollout.evaluate();
        assertThat(rollout.percent()).as("a step with 100 requests of its own (200 needed)").isEqualTo(5);
        serve(rollout, 100, 6, FAST);
        rollout.evaluate();
        assertThat(rollout.stage()).as("6 errors in the step's 200 requests (3%%)").isEqualTo(Stage.ROLLED_BACK);
    }

    @Test
    void eachStepBakesFromItsOwnStart() {
        ProgressiveRollout rollout = rollout(200);
        clock.advance(Duration.ofMinutes(30));
        serve(rollout, 200, 0, FAST);
        rollout.evaluate();
        assertThat(rollout.percent()).isEqualTo(5);
        serve(rollout, 200, 0, FAST);
        clock.advance(BAKE.minusSeconds(1));
        rollout.evaluate();
        assertThat(rollout.percent()).as("9:59 into the second step (the rollout began 40 minutes ago)").isEqualTo(5);
        clock.advance(Duration.ofSeconds(1));
        rollout.evaluate();
        assertThat(rollout.percent()).isEqualTo(25);
    }

    @Test
    void aRedGateWinsOverAFinishedBake() {
        ProgressiveRollout rollout = rollout(200);
        serve(rollout, 200, 5, FAST);
        clock.advance(BAKE.multipliedBy(2));
        rollout.evaluate();
        assertThat(rollout.stage()).as("2.5%% errors after the bake time").isEqualTo(Stage.ROLLED_BACK);
        assertThat(rollout.percent()).isZero();
    }

    @Test
    void aP99EqualToTheGatePasses() {
        ProgressiveRollout rollout = rollout(200);
        serve(rollout, 190, 0, FAST);
        serve(rollout, 10, 0, Duration.ofMillis(300));
        clock.advance(BAKE);
        rollout.evaluate();
        assertThat(rollout.percent()).as("p99 of exactly 300 ms with a 300 ms gate").isEqualTo(5);
        serve(rollout, 190, 0, FAST);
        serve(rollout, 10, 0, Duration.ofMillis(301));
        rollout.evaluate();
        assertThat(rollout.stage()).as("p99 of 301 ms").isEqualTo(Stage.ROLLED_BACK);
    }

    @Test
    void otherStepsAndMinimums() {
        ProgressiveRollout rollout = new ProgressiveRollout(List.of(10, 50),
                new RolloutGates(0.10, Duration.ofSeconds(1), 20, Duration.ofMinutes(2)), clock);
        assertThat(rollout.percent()).isEqualTo(10);
        serve(rollout, 20, 2, FAST);
        clock.advance(Duration.ofMinutes(2));
        rollout.evaluate();
        assertThat(rollout.percent()).as("10%% errors with a 10%% gate, 20 requests, 2 minutes").isEqualTo(50);
        assertThat(rollout.stage()).isEqualTo(Stage.ROLLING_OUT);
        serve(rollout, 20, 0, FAST);
        clock.advance(Duration.ofMinutes(2));
        rollout.evaluate();
        assertThat(rollout.stage()).as("the last step (50%%) baked green").isEqualTo(Stage.COMPLETE);
        assertThat(rollout.percent()).isEqualTo(50);
        serve(rollout, 20, 20, FAST);
        rollout.evaluate();
        assertThat(rollout.stage()).as("a complete rollout is not reopened").isEqualTo(Stage.COMPLETE);
    }
}
