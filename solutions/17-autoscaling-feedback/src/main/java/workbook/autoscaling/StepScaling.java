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

    static final double SCALE_IN_BELOW = 0.30;

    @Override
    public int desiredInstances(Observation now) {
        int warm = now.count(InstanceState.WARM);
        if (warm == 0) {
            return now.total();
        }
        double warmCpu = now.instances().stream().filter(instance -> instance.state() == InstanceState.WARM)
                .mapToDouble(InstanceView::cpu).average().orElseThrow();
        int step = stepFor(warmCpu);
        if (step > 0) {
            // The step is counted from the warm instances: ones already on their way count towards it,
            // so a breach that lasts through the warm-up does not add the same step again every minute.
            return Math.max(now.total(), warm + step);
        }
        if (warmCpu < SCALE_IN_BELOW && now.total() == warm) {
            return now.total() - 1;   // only once nothing is in flight
        }
        return now.total();
    }

    static int stepFor(double cpu) {
        if (cpu >= 0.90) {
            return 5;
        }
        if (cpu >= 0.70) {
            return 3;
        }
        if (cpu >= 0.50) {
            return 1;
        }
        return 0;
    }
}
