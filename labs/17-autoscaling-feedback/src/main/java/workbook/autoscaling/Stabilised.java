package workbook.autoscaling;

import java.time.Duration;

/**
 * Cooldown and scale-in stabilisation around any policy (Task 3).
 * <ul>
 *   <li>ask the inner policy every tick, whatever happens next, and remember its answers;</li>
 *   <li>cooldown: for {@code cooldown} after a tick at which this policy changed the fleet, keep the current total;</li>
 *   <li>scale out at once to what the inner policy asks;</li>
 *   <li>scale in only to the highest count the inner policy asked for during the last {@code scaleInWindow}
 *       (answers from the current tick back to {@code scaleInWindow} before it, inclusive), never above the
 *       current total: one quiet moment is not a trend (the HPA's scale-down stabilisation window).</li>
 * </ul>
 */
public final class Stabilised implements ScalingPolicy {

    public Stabilised(ScalingPolicy inner, Duration cooldown, Duration scaleInWindow) {
    }

    @Override
    public int desiredInstances(Observation now) {
        throw new UnsupportedOperationException("Task 3: add a cooldown after each action and a scale-in stabilisation window");
    }
}
