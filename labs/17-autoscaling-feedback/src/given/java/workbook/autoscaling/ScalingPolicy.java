package workbook.autoscaling;

/**
 * An autoscaling policy: every tick (15 simulated seconds, the Kubernetes autoscaler's default period) it
 * looks at the fleet and says how many instances it wants. The fleet clamps the answer to its minimum and
 * maximum, then launches new instances (which boot, then warm up) or terminates the newest ones. A policy
 * may keep state between calls; use a fresh policy object for each run.
 */
@FunctionalInterface
public interface ScalingPolicy {

    /** The total number of instances (booting ones included) wanted from the next tick on. */
    int desiredInstances(Observation now);
}
