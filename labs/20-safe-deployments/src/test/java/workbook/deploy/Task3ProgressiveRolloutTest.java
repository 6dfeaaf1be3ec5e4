package workbook.deploy;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3ProgressiveRolloutTest {
    static final List<Integer> STEPS = List.of(1, 5, 25, 100);
    static final Duration BAKE = Duration.ofMinutes(10);
    static final RolloutGates GATES = new RolloutGates(0.02, Duration.ofMillis(300), 200, BAKE);
    static final Duration FAST = Duration.ofMillis(40);
    static final Duration SLOW = Duration.ofSeconds(2);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final ProgressiveRollout rollout = new ProgressiveRollout(STEPS, GATES, clock);

    /** {@code requests} requests of which the first {@code failed} fail and the next {@code slow} are slow. */
    private void serve(int requests, int failed, int slow) {
        for (int i = 0; i < requests; i++) {
            rollout.record(i < failed, i >= failed && i < failed + slow ? SLOW : FAST);
        }
    }

    @Test
    void aHealthyVersionWalksThroughEveryStepAfterItsBakeTime() {
        for (int step : STEPS) {
            assertThat(rollout.percent()).as("share of traffic at this step").isEqualTo(step);
            serve(200, 4, 2);
            clock.advance(BAKE.minusSeconds(1));
            rollout.evaluate();
            assertThat(rollout.percent()).as("share at %d%% one second before the 10-minute bake is over", step)
                    .isEqualTo(step);
            clock.advance(Duration.ofSeconds(1));
            rollout.evaluate();
        }
        assertThat(rollout.stage()).as("stage after the 100%% step baked with green gates").isEqualTo(Stage.COMPLETE);
        assertThat(rollout.percent()).as("share once complete").isEqualTo(100);
    }

    @Test
    void tooFewRequestsAreNotEvidenceEitherWay() {
        serve(199, 199, 0);
        clock.advance(BAKE.multipliedBy(3));
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage after 199 requests, all failed (the gates need 200)")
                .isEqualTo(Stage.ROLLING_OUT);
        assertThat(rollout.percent()).as("share after 199 requests and 30 minutes: no promotion without evidence")
                .isEqualTo(1);
        serve(1, 1, 0);
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage after the 200th request, all failed").isEqualTo(Stage.ROLLED_BACK);
    }

    @Test
    void anErrorRateAboveTheGateRollsBackAtOnce() {
        serve(200, 5, 0);
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage with 5 errors in 200 requests (2.5%%, the gate is 2%%), "
                + "before the bake time is over: a red gate does not wait").isEqualTo(Stage.ROLLED_BACK);
        assertThat(rollout.percent()).as("share after the rollback").isZero();
    }

    @Test
    void theP99GateCountsByNearestRank() {
        serve(200, 0, 2);
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage with 2 slow requests in 200: 99%% (198) are fast, so p99 is fast")
                .isEqualTo(Stage.ROLLING_OUT);
        serve(1, 0, 1);
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage with 3 slow requests in 201: the 199th fastest (ceil(0.99 x 201)) "
                + "is slow, so p99 = 2 s > 300 ms").isEqualTo(Stage.ROLLED_BACK);
    }

    @Test
    void aRedGateAtALaterStepRollsBackAndTheRolloutStaysHalted() {
        serve(200, 0, 0);
        clock.advance(BAKE);
        rollout.evaluate();
        serve(200, 0, 0);
        clock.advance(BAKE);
        rollout.evaluate();
        assertThat(rollout.percent()).as("share after two green bakes").isEqualTo(25);
        serve(200, 0, 10);
        clock.advance(Duration.ofMinutes(1));
        rollout.evaluate();
        assertThat(rollout.percent()).as("share after 10 slow requests in 200 at the 25%% step").isZero();
        serve(1000, 0, 0);
        clock.advance(BAKE.multipliedBy(5));
        rollout.evaluate();
        assertThat(rollout.stage()).as("stage after more good requests and time: a halted rollout stays halted")
                .isEqualTo(Stage.ROLLED_BACK);
        assertThat(rollout.percent()).as("share after a rollback, later").isZero();
    }
}
