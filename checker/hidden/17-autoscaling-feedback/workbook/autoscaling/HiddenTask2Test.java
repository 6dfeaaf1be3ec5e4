package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class HiddenTask2Test {

    private static Observation fleet(int warm, double cpu, int warming, int booting) {
        List<InstanceView> instances = new ArrayList<>();
        for (int i = 0; i < warm; i++) instances.add(new InstanceView(InstanceState.WARM, 3600, cpu));
        for (int i = 0; i < warming; i++) instances.add(new InstanceView(InstanceState.WARMING, 240, 1.0));
        for (int i = 0; i < booting; i++) instances.add(new InstanceView(InstanceState.BOOTING, 30, 0));
        return new Observation(0, 0, instances);
    }

    @Test
    void theBandHoldsBelowTheTargetToo() {
        assertThat(new TargetTracking(0.6, 0.1).desiredInstances(fleet(20, 0.55, 0, 0)))
                .as("20 warm at 55% against 60%: 8% under, inside the band, keep 20 (not ceil(20 x 0.917) = 19)")
                .isEqualTo(20);
    }

    @Test
    void scalingInMayCancelBootingInstances() {
        assertThat(new TargetTracking(0.6, 0.1).desiredInstances(fleet(10, 0.3, 2, 4)))
                .as("10 warm at 30% and 2 warming serve; 4 still booting: ceil(12 x 0.5) = 6 in all")
                .isEqualTo(6);
    }
}
