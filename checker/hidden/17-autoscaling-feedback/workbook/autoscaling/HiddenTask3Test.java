package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class HiddenTask3Test {

    private static Observation totalAt(int tick, int total) {
        return new Observation(tick, 0, java.util.Collections.nCopies(total, new InstanceView(InstanceState.WARM, 3600, 0.5)));
    }

    @Test
    void answersDuringTheCooldownStillCountInTheWindow() {
        // the inner policy wants 12 up to tick 6 (90 s), then 8
        ScalingPolicy inner = now -> now.tick() <= 6 ? 12 : 8;
        Stabilised policy = new Stabilised(inner, Duration.ofMinutes(3), Duration.ofMinutes(2));
        assertThat(policy.desiredInstances(totalAt(0, 10))).isEqualTo(12);
        for (int tick = 1; tick < 12; tick++) {
            policy.desiredInstances(totalAt(tick, 12));
        }
        assertThat(policy.desiredInstances(totalAt(12, 12)))
                .as("at 180 s the cooldown is over, but the inner policy asked for 12 at 60-90 s, inside the 2-minute"
                        + " window: those answers came during the cooldown and still count, so keep 12")
                .isEqualTo(12);
    }

    @Test
    void theCooldownHoldsScaleInToo() {
        ScalingPolicy inner = now -> now.tick() == 0 ? 6 : 14;
        Stabilised policy = new Stabilised(inner, Duration.ofMinutes(2), Duration.ZERO);
        assertThat(policy.desiredInstances(totalAt(0, 10))).as("no window: scale in to 6 at once").isEqualTo(6);
        assertThat(policy.desiredInstances(totalAt(1, 6))).as("15 s after scaling in, inside the cooldown").isEqualTo(6);
        assertThat(policy.desiredInstances(totalAt(8, 6))).as("120 s after, the cooldown is over").isEqualTo(14);
    }

    @Test
    void theCooldownCountsFromTheLastActionWhenItCameLate() {
        // quiet until tick 20 (300 s), then 14, then 18 from tick 21 on
        ScalingPolicy inner = now -> now.tick() < 20 ? 10 : now.tick() == 20 ? 14 : 18;
        Stabilised policy = new Stabilised(inner, Duration.ofMinutes(3), Duration.ofMinutes(5));
        for (int tick = 0; tick < 20; tick++) {
            assertThat(policy.desiredInstances(totalAt(tick, 10))).as("tick %d: the inner policy wants the 10 there are", tick)
                    .isEqualTo(10);
        }
        assertThat(policy.desiredInstances(totalAt(20, 10))).as("tick 20 (300 s): scale out to 14").isEqualTo(14);
        for (int tick = 21; tick < 32; tick++) {
            assertThat(policy.desiredInstances(totalAt(tick, 14)))
                    .as("tick %d, %d s after the scale-out at 300 s: inside the 3-minute cooldown, keep 14", tick, (tick - 20) * 15)
                    .isEqualTo(14);
        }
        assertThat(policy.desiredInstances(totalAt(32, 14))).as("tick 32 (480 s), 180 s after the scale-out: act again")
                .isEqualTo(18);
    }

    @Test
    void aSecondActionRestartsTheCooldown() {
        // wants 12 from tick 4, 16 from tick 20, 20 from tick 21
        ScalingPolicy inner = now -> now.tick() < 4 ? 8 : now.tick() < 20 ? 12 : now.tick() == 20 ? 16 : 20;
        Stabilised policy = new Stabilised(inner, Duration.ofMinutes(2), Duration.ZERO);
        int total = 8;
        for (int tick = 0; tick <= 20; tick++) {
            total = policy.desiredInstances(totalAt(tick, total));
        }
        assertThat(total).as("after scaling out to 12 at tick 4 and to 16 at tick 20 (more than 2 minutes later)").isEqualTo(16);
        for (int tick = 21; tick < 28; tick++) {
            assertThat(policy.desiredInstances(totalAt(tick, 16)))
                    .as("tick %d: the 2-minute cooldown runs from the last action (tick 20), not the first (tick 4)", tick)
                    .isEqualTo(16);
        }
        assertThat(policy.desiredInstances(totalAt(28, 16))).as("tick 28, 120 s after tick 20").isEqualTo(20);
    }
}
