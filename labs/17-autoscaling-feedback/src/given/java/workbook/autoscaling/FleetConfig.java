package workbook.autoscaling;

/**
 * The fleet the autoscaler drives (given code: read it, no need to change it).
 *
 * @param capacityRps        requests per second one warm instance serves at 100% CPU
 * @param bootMinutes        minutes from launch until an instance takes traffic (boot, health check)
 * @param warmupMinutes      minutes after boot during which its caches are cold
 * @param coldCapacityFactor the share of {@code capacityRps} a cold instance manages (cache misses cost time)
 * @param warmupCpu          CPU a warming instance burns on its own warm-up (JIT compilation, filling caches),
 *                           on top of the traffic it serves
 * @param baseLatencyMs      latency of an idle instance
 * @param sloLatencyMs       the latency objective: a minute whose mean latency is above it is an SLO-violation minute
 * @param minInstances       the autoscaler never goes below this
 * @param maxInstances       nor above this
 */
public record FleetConfig(double capacityRps, int bootMinutes, int warmupMinutes, double coldCapacityFactor,
                          double warmupCpu, double baseLatencyMs, double sloLatencyMs, int minInstances, int maxInstances) {

    public FleetConfig {
        if (capacityRps <= 0 || bootMinutes < 0 || warmupMinutes < 0 || coldCapacityFactor <= 0 || coldCapacityFactor > 1
                || warmupCpu < 0 || warmupCpu > 1
                || baseLatencyMs <= 0 || sloLatencyMs <= baseLatencyMs || minInstances < 1 || maxInstances < minInstances) {
            throw new IllegalArgumentException("fleet config out of range: capacity and latencies must be positive, the SLO above"
                    + " the base latency, 0 < cold factor <= 1, warm-up CPU in [0, 1] and 1 <= min <= max instances; got " + this);
        }
    }

    /**
     * The lab's fleet: 100 requests/s per instance; 3 minutes to boot, then 5 minutes with cold caches at half
     * the capacity while warm-up work burns 50% CPU; 50 ms when idle and a 250 ms objective; 2 to 80 instances.
     */
    public static FleetConfig standard() {
        return new FleetConfig(100, 3, 5, 0.5, 0.5, 50, 250, 2, 80);
    }

    /** Latency of an instance at this utilisation (demand over capacity): a queue that grows as it fills up. */
    public double latencyMs(double utilisation) {
        return baseLatencyMs / (1 - Math.min(utilisation, MAX_UTILISATION));
    }

    /** The highest utilisation a warm fleet can run at and still meet the latency objective. */
    public double sloUtilisation() {
        return 1 - baseLatencyMs / sloLatencyMs;
    }

    /** The fewest warm instances that serve this load within the latency objective. */
    public int instancesNeeded(double loadRps) {
        return Math.max(minInstances, (int) Math.ceil(loadRps / (capacityRps * sloUtilisation()) - 1e-9));
    }

    /** Above this utilisation requests pile up; latency is capped here so one bad minute stays a finite number. */
    static final double MAX_UTILISATION = 0.98;
}
