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

    /**
     * @param targetCpu the CPU to hold, above 0 and at most 1.0 (0.6 is 60%)
     * @param tolerance no change while metric / target is within 1 +- tolerance (the HPA default is 0.1), at least 0
     *                  and below 1
     * @throws IllegalArgumentException for a target or a tolerance out of those ranges
     */
    public TargetTracking(double targetCpu, double tolerance) {
    }

    @Override
    public int desiredInstances(Observation now) {
        throw new UnsupportedOperationException("Task 2: desired = ceil(serving x warm CPU / target), outside the tolerance band");
    }
}
