package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4StepScalingTest {

    private final StepScaling steps = new StepScaling();

    private int tenWarmAt(double cpu) {
        return steps.desiredInstances(Lab.fleet(10, cpu, 0, 0, 0));
    }

    @Test
    void theStepGrowsWithTheBreach() {
        assertThat(tenWarmAt(0.45)).as("10 warm at 45%: below the first alarm, no change").isEqualTo(10);
        assertThat(tenWarmAt(0.55)).as("10 warm at 55%: the 50-70% step adds 1").isEqualTo(11);
        assertThat(tenWarmAt(0.69)).as("10 warm at 69%: still the 50-70% step, adds 1").isEqualTo(11);
        assertThat(tenWarmAt(0.70)).as("10 warm at 70%: the 70-90% step adds 3").isEqualTo(13);
        assertThat(tenWarmAt(0.85)).as("10 warm at 85%: the 70-90% step adds 3").isEqualTo(13);
        assertThat(tenWarmAt(0.97)).as("10 warm at 97%: above 90% adds 5").isEqualTo(15);
    }

    @Test
    void removesOneWhenQuietAndSettled() {
        assertThat(tenWarmAt(0.25)).as("10 warm at 25%: below 30%, remove 1").isEqualTo(9);
        assertThat(steps.desiredInstances(Lab.fleet(10, 0.25, 0, 0, 1)))
                .as("10 warm at 25% but one instance still booting: wait until nothing is in flight").isEqualTo(11);
    }

    @Test
    void instancesOnTheirWayCountTowardsTheStep() {
        assertThat(steps.desiredInstances(Lab.fleet(10, 0.95, 0, 0, 3)))
                .as("10 warm at 95% want 5 more; 3 are booting already, so launch 2 (total 15), not 5 (total 18)")
                .isEqualTo(15);
        assertThat(steps.desiredInstances(Lab.fleet(10, 0.95, 2, 1.0, 4)))
                .as("10 warm at 95%, 2 warming and 4 booting: the 5-step is covered by the 6 on their way; keep 16")
                .isEqualTo(16);
    }

    @Test
    void readsTheWarmInstancesOnly() {
        assertThat(steps.desiredInstances(Lab.fleet(10, 0.45, 2, 0.95, 0)))
                .as("10 warm at 45% and 2 warming reading 95%: the warm ones are below every alarm, keep 12;"
                        + " the dashboard average (53%) would add one for nothing")
                .isEqualTo(12);
    }

    @Test
    void handlesTheSpikeWithoutRunningAway() {
        Run step = Lab.run(new StepScaling());
        int peak = step.ticks().stream().mapToInt(Tick::instances).max().orElseThrow();
        int needed = step.ticks().stream().mapToInt(tick -> Lab.FLEET.instancesNeeded(tick.loadRps())).max().orElseThrow();
        assertThat(peak)
                .as("step scaling on the public day peaked at %d instances for a peak need of %d: it should stay"
                        + " within 1.5x, because the steps count the instances already on their way", peak, needed)
                .isLessThanOrEqualTo((int) (1.5 * needed));
    }

    @Test
    void waitsWhenNothingIsWarmYet() {
        assertThat(steps.desiredInstances(Lab.fleet(0, 0, 3, 1.0, 2)))
                .as("no warm instance (3 warming, 2 booting) means no trustworthy metric: keep the 5 there are")
                .isEqualTo(5);
    }
}
