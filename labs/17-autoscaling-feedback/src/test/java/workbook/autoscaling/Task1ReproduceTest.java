package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(1)
class Task1ReproduceTest {

    // rows: instances, change at this tick, load (rps), latency (ms)
    private static final Run SMALL = Lab.handMade(new double[][]{
            {4, 0, 200, 60}, {5, 1, 300, 60}, {7, 2, 500, 60}, {7, 0, 1500, 60}, {6, -1, 900, 60},
            {6, 0, 500, 60}, {5, -1, 400, 60}, {9, 4, 400, 60}, {9, 0, 400, 60}, {8, -1, 300, 60}});

    @Test
    void countsReversalsNotActions() {
        assertThat(LoopMetrics.directionChanges(SMALL))
                .as("changes +1 +2 -1 -1 +4 -1 (with quiet ticks between) reverse direction 3 times: up to down,"
                        + " down to up, up to down; two launches in a row, or a quiet tick, are not a reversal")
                .isEqualTo(3);
    }

    @Test
    void measuresPeakAgainstNeed() {
        assertThat(LoopMetrics.peakInstances(SMALL)).as("the most instances running at any tick").isEqualTo(9);
        int needed = Lab.FLEET.instancesNeeded(1500);
        assertThat(LoopMetrics.peakNeeded(SMALL))
                .as("instances needed at the highest load, 1500 rps (FleetConfig.instancesNeeded), even though the"
                        + " fleet peaked at another time").isEqualTo(needed);
        assertThat(LoopMetrics.overshoot(SMALL)).as("peak instances / peak needed = 9 / " + needed)
                .isCloseTo(9.0 / needed, within(1e-9));
    }

    @Test
    void theNaivePolicyOvershootsTheNineOClockSpike() {
        Run naive = Lab.run(Policies.naive());
        double overshoot = LoopMetrics.overshoot(naive);
        assertThat(overshoot)
                .as("the naive policy (add one above 70%% CPU, remove one below 30%%, every 15 s) peaked at %d instances"
                                + " when the load never needed more than %d: it keeps adding while the instances it already"
                                + " launched are still booting and warming up, so it should overshoot to at least 1.8x",
                        LoopMetrics.peakInstances(naive), LoopMetrics.peakNeeded(naive))
                .isGreaterThanOrEqualTo(1.8);
    }

    @Test
    void aTighterBandFlaps() {
        int wide = LoopMetrics.directionChanges(Lab.run(new NaivePolicy(0.70, 0.30)));
        int tight = LoopMetrics.directionChanges(Lab.run(new NaivePolicy(0.55, 0.45)));
        assertThat(tight)
                .as("tighten the band to 45-55%% to stop paying for the overshoot and the fleet flaps: out, in, out"
                        + " again, because each action's effect arrives minutes late (the 30-70%% band reversed %d times)", wide)
                .isGreaterThanOrEqualTo(30)
                .isGreaterThan(5 * wide);
    }
}
