package workbook.autoscaling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

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

    private record Recommendation(long atSecond, int instances) {
    }

    private final ScalingPolicy inner;
    private final long cooldownSeconds;
    private final long scaleInWindowSeconds;
    private final Deque<Recommendation> recent = new ArrayDeque<>();
    private Long lastActionSecond;

    public Stabilised(ScalingPolicy inner, Duration cooldown, Duration scaleInWindow) {
        if (inner == null || cooldown == null || scaleInWindow == null || cooldown.isNegative() || scaleInWindow.isNegative()) {
            throw new IllegalArgumentException("need an inner policy, and a cooldown and a scale-in window that are not negative;"
                    + " got " + inner + ", " + cooldown + ", " + scaleInWindow);
        }
        this.inner = inner;
        this.cooldownSeconds = cooldown.toSeconds();
        this.scaleInWindowSeconds = scaleInWindow.toSeconds();
    }

    @Override
    public int desiredInstances(Observation now) {
        long second = now.elapsedSeconds();
        int recommended = inner.desiredInstances(now);   // ask every tick, so the window stays complete
        recent.addLast(new Recommendation(second, recommended));
        while (recent.peekFirst().atSecond() < second - scaleInWindowSeconds) {
            recent.removeFirst();
        }
        if (lastActionSecond != null && second - lastActionSecond < cooldownSeconds) {
            return now.total();
        }
        int desired = now.total();
        if (recommended > now.total()) {
            desired = recommended;
        } else if (recommended < now.total()) {
            int highestRecently = recent.stream().mapToInt(Recommendation::instances).max().orElseThrow();
            desired = Math.min(now.total(), highestRecently);
        }
        if (desired != now.total()) {
            lastActionSecond = second;
        }
        return desired;
    }
}
