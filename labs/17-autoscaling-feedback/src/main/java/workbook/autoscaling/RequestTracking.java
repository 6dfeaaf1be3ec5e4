package workbook.autoscaling;

/**
 * Target tracking on requests per instance (Task 2, second part), the metric AWS offers as "request count
 * per target": desired = ceil(load / target per instance), with no change while the load per serving
 * instance is within a tolerance band around the target.
 * <ul>
 *   <li>the load is what arrived at the load balancer during the tick ({@code now.loadRps()}); unlike CPU it
 *       does not stop at 100%, and it can be read even when no instance serves yet: then scale out to what
 *       the load needs (never below the current total);</li>
 *   <li>within the band (|load / (serving x target) - 1| &lt;= tolerance), keep the current total;</li>
 *   <li>otherwise desired = ceil(load / target); when scaling out, never ask for fewer than the current
 *       total, since instances still booting were launched for this same demand.</li>
 * </ul>
 */
public final class RequestTracking implements ScalingPolicy {

    /**
     * @param targetPerInstance requests per second each instance should serve, above 0 (50 is half of the
     *                          lab's 100 requests/s per warm instance)
     * @param tolerance         no change while the load per serving instance / target is within 1 +- tolerance,
     *                          at least 0 and below 1
     * @throws IllegalArgumentException for a target or a tolerance out of those ranges
     */
    public RequestTracking(double targetPerInstance, double tolerance) {
    }

    @Override
    public int desiredInstances(Observation now) {
        throw new UnsupportedOperationException("Task 2: desired = ceil(load / target per instance), outside the tolerance band");
    }
}
