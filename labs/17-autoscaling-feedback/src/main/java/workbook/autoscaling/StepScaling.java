package workbook.autoscaling;

/**
 * Step scaling (Task 4): the further the warm instances' CPU is past the alarm, the bigger the step, with
 * the course's steps: from 50% (inclusive) to 70% add 1, from 70% to 90% add 3, from 90% add 5; below 30%
 * remove 1.
 * <ul>
 *   <li>the metric is the mean CPU of WARM instances only; with none warm, keep the current total;</li>
 *   <li>a step counts from the warm instances, and instances already on their way (booting or warming)
 *       count towards it: desired = max(total, warm + step), so a breach that lasts through the warm-up
 *       does not add the same step again every tick;</li>
 *   <li>remove one only when nothing is booting or warming.</li>
 * </ul>
 */
public final class StepScaling implements ScalingPolicy {

    @Override
    public int desiredInstances(Observation now) {
        throw new UnsupportedOperationException("Task 4: pick the step from the warm CPU (+1, +3, +5) and count instances in flight towards it");
    }
}
