package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(1)
class HiddenTask1Test {

    private static Run run(int[] instances, int[] changes, double[] loads) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < instances.length; i++) {
            ticks.add(new Tick(i, loads[i], instances[i], instances[i], instances[i], instances[i] * 100.0, 0.5, 60, changes[i]));
        }
        return new Run(FleetConfig.standard(), ticks);
    }

    @Test
    void aRunThatStartsByScalingInHasNoReversalBeforeItsFirstAction() {
        Run run = run(new int[]{10, 9, 9, 8, 9, 9}, new int[]{0, -1, 0, -1, 1, 0}, new double[]{500, 500, 500, 500, 500, 500});
        assertThat(LoopMetrics.directionChanges(run))
                .as("changes -1, -1, +1: one reversal; the first action reverses nothing").isEqualTo(1);
    }

    @Test
    void theNeedPeaksLate() {
        Run run = run(new int[]{12, 12, 6, 6}, new int[]{0, 0, -6, 0}, new double[]{300, 300, 300, 2400});
        int needed = FleetConfig.standard().instancesNeeded(2400);
        assertThat(LoopMetrics.peakNeeded(run)).as("the need peaks on the last tick").isEqualTo(needed);
        assertThat(LoopMetrics.overshoot(run)).as("12 instances at most, against " + needed + " needed at most")
                .isCloseTo(12.0 / needed, within(1e-9));
    }
}
