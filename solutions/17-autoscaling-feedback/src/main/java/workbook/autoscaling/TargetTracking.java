package workbook.autoscaling;

/**
 * Target tracking (Task 2): keep the mean CPU of the warm instances near a target, the way the Kubernetes
 * Horizontal Pod Autoscaler does: desired = ceil(serving x metric / target), with no change while the
 * metric is within a tolerance band around the target.
 * <ul>
 *   <li>the metric is the mean CPU of WARM instances only: warming ones read high because of their own
 *       warm-up work, booting ones read nothing; with no warm instance, keep the current total;</li>
 *   <li>within the band (|metric / target - 1| &lt;= tolerance), keep the current total;</li>
 *   <li>otherwise desired = ceil(serving x metric / target), where serving = warming + warm (all of them
 *       take traffic); when scaling out, never ask for fewer than the current total, since instances still
 *       booting were launched for this same demand.</li>
 * </ul>
 */
public final class TargetTracking implements ScalingPolicy {

    private final double targetCpu;
    private final double tolerance;

    /**
     * @param targetCpu the CPU to hold, above 0 and at most 1.0 (0.6 is 60%)
     * @param tolerance no change while metric / target is within 1 +- tolerance (the HPA default is 0.1), at least 0
     *                  and below 1
     * @throws IllegalArgumentException for a target or a tolerance out of those ranges
     */
    public TargetTracking(double targetCpu, double tolerance) {
        if (!(targetCpu > 0 && targetCpu <= 1) || !(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("target CPU must be in (0, 1] and tolerance in [0, 1), got target "
                    + targetCpu + " and tolerance " + tolerance);
        }
        this.targetCpu = targetCpu;
        this.tolerance = tolerance;
    }

    @Override
    public int desiredInstances(Observation now) {
        // Cold instances read high for reasons a new instance will not fix; booting ones read nothing.
        // Only warm instances say how loaded the fleet really is.
        double warmCpu = now.instances().stream().filter(instance -> instance.state() == InstanceState.WARM)
                .mapToDouble(InstanceView::cpu).average().orElse(Double.NaN);
        if (Double.isNaN(warmCpu)) {
            return now.total();   // nothing trustworthy to measure yet: wait
        }
        double ratio = warmCpu / targetCpu;
        if (Math.abs(ratio - 1) <= tolerance) {
            return now.total();
        }
        // Every serving instance takes an equal share, so serving x ratio instances would bring a warm one to the target.
        int desired = (int) Math.ceil(now.serving() * ratio - 1e-9);
        // Instances still booting were launched for this same demand: scaling out never cancels them.
        return ratio > 1 ? Math.max(desired, now.total()) : desired;
    }
}
