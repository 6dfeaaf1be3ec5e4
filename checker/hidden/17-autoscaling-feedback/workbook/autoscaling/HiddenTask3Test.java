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
}
