package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class HiddenTask4Test {

    private static int tenWarmAt(double cpu) {
        return new StepScaling().desiredInstances(new Observation(0, 0,
                Collections.nCopies(10, new InstanceView(InstanceState.WARM, 3600, cpu))));
    }

    @Test
    void eachStepStartsAtItsThreshold() {
        assertThat(tenWarmAt(0.50)).as("exactly 50%: the first step (50-70%) adds 1").isEqualTo(11);
        assertThat(tenWarmAt(0.90)).as("exactly 90%: the top step adds 5").isEqualTo(15);
        assertThat(tenWarmAt(0.30)).as("exactly 30% is not below 30%: keep 10").isEqualTo(10);
    }
}
