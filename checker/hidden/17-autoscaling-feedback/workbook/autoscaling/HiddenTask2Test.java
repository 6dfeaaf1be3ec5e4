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

    @Test
    void theEdgeOfTheBandIsInside() {
        assertThat(new TargetTracking(0.5, 0.5).desiredInstances(fleet(10, 0.75, 0, 0)))
                .as("10 warm at 75% against a 50% target with a tolerance of 0.5: metric / target is 1.5, on the edge"
                        + " of the band (|1.5 - 1| <= 0.5), so keep 10, not ceil(10 x 1.5) = 15").isEqualTo(10);
        assertThat(new TargetTracking(0.5, 0.0).desiredInstances(fleet(10, 0.5, 0, 2)))
                .as("10 warm exactly on a 50% target with no tolerance, and 2 booting: on target is inside the band,"
                        + " keep the 12 there are").isEqualTo(12);
    }

    @Test
    void theTargetAndTheToleranceAreChecked() {
        assertThat(new TargetTracking(1.0, 0.1).desiredInstances(fleet(4, 1.0, 0, 0)))
                .as("a 100% target is allowed: 4 warm at 100% are on it, keep 4").isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TargetTracking(0.0, 0.1))
                .as("a target CPU of 0").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TargetTracking(0.6, 1.0))
                .as("a tolerance of 1 (the band would reach down to 0% CPU)").isInstanceOf(IllegalArgumentException.class);
    }

    private static Observation withLoad(double loadRps, int warm, int warming, int booting) {
        return new Observation(0, loadRps, fleet(warm, 0.5, warming, booting).instances());
    }

    @Test
    void requestTrackingHasTheSameBandAndItsEdgeIsInside() {
        assertThat(new RequestTracking(50, 0.25).desiredInstances(withLoad(625, 10, 0, 0)))
                .as("625 requests/s on 10 instances with a target of 50 and a tolerance of 0.25: 62.5 each is exactly"
                        + " 1.25 times the target, on the edge of the band, so keep 10 (not 13)").isEqualTo(10);
        assertThat(new RequestTracking(50, 0.25).desiredInstances(withLoad(375, 10, 0, 0)))
                .as("375 requests/s on 10 instances: 37.5 each is exactly 0.75 times the target, inside, keep 10")
                .isEqualTo(10);
        assertThat(new RequestTracking(50, 0.1).desiredInstances(withLoad(660, 10, 0, 0)))
                .as("660 requests/s on 10 instances: 66 each, 32% over, ceil(660 / 50) = 14").isEqualTo(14);
    }

    @Test
    void requestTrackingMeasuresTheLoadOnServingInstancesNotBootingOnes() {
        assertThat(new RequestTracking(50, 0.1).desiredInstances(withLoad(520, 5, 5, 10)))
                .as("520 requests/s on 5 warm and 5 warming instances (all take traffic), 10 more booting: 52 each,"
                        + " inside the band, keep the 20 (spread over all 20 it would read 26 each and scale in)")
                .isEqualTo(20);
    }

    @Test
    void requestTrackingMayScaleInBelowTheBootingInstances() {
        assertThat(new RequestTracking(50, 0.1).desiredInstances(withLoad(200, 10, 0, 4)))
                .as("200 requests/s on 10 serving instances, 4 more booting: ceil(200 / 50) = 4 in all")
                .isEqualTo(4);
        assertThat(new RequestTracking(50, 0.1).desiredInstances(withLoad(0, 0, 0, 3)))
                .as("no load and nothing serving, 3 booting: nothing to scale out for, keep the 3").isEqualTo(3);
    }

    @Test
    void requestTrackingChecksItsTargetAndTolerance() {
        assertThat(new RequestTracking(0.5, 0.0).desiredInstances(withLoad(2, 4, 0, 0)))
                .as("a target of half a request per second is allowed: 2 requests/s on 4 instances is on it").isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestTracking(0, 0.1))
                .as("a target of 0 requests per instance").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestTracking(-50, 0.1))
                .as("a negative target").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestTracking(50, 1.0))
                .as("a tolerance of 1").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestTracking(50, -0.1))
                .as("a negative tolerance").isInstanceOf(IllegalArgumentException.class);
    }
}
