package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3StabilisedTest {

    private static final int TICKS_PER_MINUTE = Fleet.TICKS_PER_MINUTE;

    /** An inner policy that answers from a script, one answer per tick, and repeats its last answer. */
    private static ScalingPolicy scripted(Integer... answers) {
        Deque<Integer> script = new ArrayDeque<>(List.of(answers));
        return now -> script.size() > 1 ? script.pollFirst() : script.peekFirst();
    }

    private static Observation totalAt(int tick, int total) {
        return Lab.at(tick, total, 0.5, 0, 0, 0);
    }

    @Test
    void scalesOutAtOnce() {
        Stabilised policy = new Stabilised(scripted(14), Duration.ofMinutes(3), Duration.ofMinutes(5));
        assertThat(policy.desiredInstances(totalAt(0, 10))).as("the inner policy wants 14 of 10: scale out now").isEqualTo(14);
    }

    @Test
    void waitsOutTheCooldownAfterAnAction() {
        Stabilised policy = new Stabilised(scripted(12, 16), Duration.ofMinutes(3), Duration.ofMinutes(5));
        assertThat(policy.desiredInstances(totalAt(0, 10))).isEqualTo(12);
        for (int tick = 1; tick < 3 * TICKS_PER_MINUTE; tick++) {
            assertThat(policy.desiredInstances(totalAt(tick, 12)))
                    .as("tick %d, %d s after scaling out: inside the 3-minute cooldown nothing changes, though the"
                            + " inner policy wants 16", tick, tick * Fleet.TICK_SECONDS)
                    .isEqualTo(12);
        }
        assertThat(policy.desiredInstances(totalAt(3 * TICKS_PER_MINUTE, 12)))
                .as("3 minutes after the last action the cooldown is over").isEqualTo(16);
    }

    @Test
    void scalesInOnlyWhenTheWholeWindowAgrees() {
        // wants 12 for one tick, then 8 from then on; no cooldown, a 5-minute scale-in window
        Stabilised policy = new Stabilised(scripted(12, 8), Duration.ZERO, Duration.ofMinutes(5));
        int window = 5 * TICKS_PER_MINUTE;
        assertThat(policy.desiredInstances(totalAt(0, 12))).isEqualTo(12);
        for (int tick = 1; tick <= window; tick++) {
            assertThat(policy.desiredInstances(totalAt(tick, 12)))
                    .as("tick %d: the inner policy asked for 12 at tick 0, less than 5 minutes ago, so do not scale in yet", tick)
                    .isEqualTo(12);
        }
        assertThat(policy.desiredInstances(totalAt(window + 1, 12)))
                .as("every answer in the last 5 minutes says 8: now scale in").isEqualTo(8);
    }

    @Test
    void scalesInToTheHighestRecentAnswer() {
        Stabilised policy = new Stabilised(scripted(12, 10, 8), Duration.ZERO, Duration.ofMinutes(1));
        assertThat(policy.desiredInstances(totalAt(0, 12))).isEqualTo(12);
        assertThat(policy.desiredInstances(totalAt(1, 12))).isEqualTo(12);
        for (int tick = 2; tick <= TICKS_PER_MINUTE; tick++) {
            policy.desiredInstances(totalAt(tick, 12));
        }
        assertThat(policy.desiredInstances(totalAt(TICKS_PER_MINUTE + 1, 12)))
                .as("a minute after the 12, the highest answer left in the window is the 10 of tick 1: scale in to 10,"
                        + " not straight to the latest 8").isEqualTo(10);
    }

    @Test
    void aFlappingPolicyStopsFlapping() {
        int raw = Lab.reversals(Lab.run(new NaivePolicy(0.55, 0.45)));
        Run calm = Lab.run(new Stabilised(new NaivePolicy(0.55, 0.45), Duration.ofMinutes(3), Duration.ofMinutes(15)));
        assertThat(Lab.reversals(calm))
                .as("the 45-55%% naive policy reverses %d times on the public day; with a 3-minute cooldown and a"
                        + " 15-minute scale-in window it should reverse at most 12 times (once up and down per burst)", raw)
                .isLessThanOrEqualTo(12);
    }
}
