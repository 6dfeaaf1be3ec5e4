package workbook.deploy;

import java.time.Duration;

/**
 * The gates of a progressive rollout, checked at every step.
 *
 * @param maxErrorRate share of the new version's requests that may fail (0.02 = 2%)
 * @param maxP99       the new version's 99th percentile latency may not exceed this
 * @param minRequests  requests a step must see before its gates mean anything
 * @param bake         how long a step must run with its gates green before the next step
 */
public record RolloutGates(double maxErrorRate, Duration maxP99, int minRequests, Duration bake) {
}
