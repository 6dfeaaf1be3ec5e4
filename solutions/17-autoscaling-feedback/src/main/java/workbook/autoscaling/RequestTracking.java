package workbook.autoscaling;

/**
 * Target tracking on requests per instance (Task 2, second part), the metric AWS offers as "request count
 * per target": desired = ceil(load / target per instance), with no change while the load per serving
 * instance is within a tolerance band around the target.
 * <ul>
 *   <li>unlike CPU, this metric does not stop at 100%: 2,000 requests/s on 9 instances reads 222 each, so
 *       one reading says how many instances the load needs, however far short the fleet is;</li>
 *   <li>the load is measured at the load balancer, so it can be read even when no instance serves yet;</li>
 *   <li>within the band (|load / (serving x target) - 1| &lt;= tolerance), keep the current total;</li>
 *   <li>when scaling out, never ask for fewer than the current total (booting instances were launched
 *       for this same demand).</li>
 * </ul>
 */
public final class RequestTracking implements ScalingPolicy {

    private final double targetPerInstance;
    private final double tolerance;

    /**
     * @param targetPerInstance requests per second each instance should serve, above 0 (50 is half of the
     *                          lab's 100 requests/s per warm instance)
     * @param tolerance         no change while the load per serving instance / target is within 1 +- tolerance,
     *                          at least 0 and below 1
     * @throws IllegalArgumentException for a target or a tolerance out of those ranges
     */
    public RequestTracking(double targetPerInstance, double tolerance) {
        if (!(targetPerInstance > 0) || !(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("target requests per instance must be above 0 and tolerance in [0, 1), got "
                    + targetPerInstance + " and " + tolerance);
        }
        this.targetPerInstance = targetPerInstance;
        this.tolerance = tolerance;
    }

    @Override
    public int desiredInstances(Observation now) {
        int needed = (int) Math.ceil(now.loadRps() / targetPerInstance - 1e-9);
        if (now.serving() == 0) {
            return Math.max(needed, now.total());   // nothing serves yet, but the load balancer still counts requests
        }
        double ratio = now.loadRps() / (now.serving() * targetPerInstance);
        if (Math.abs(ratio - 1) <= tolerance) {
            return now.total();
        }
        // Instances still booting were launched for this same demand: scaling out never cancels them.
        return ratio > 1 ? Math.max(needed, now.total()) : needed;
    }
}
