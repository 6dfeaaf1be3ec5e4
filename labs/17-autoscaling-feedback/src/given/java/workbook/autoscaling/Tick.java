package workbook.autoscaling;

/**
 * One simulated tick (15 seconds) of a {@link Run}.
 *
 * @param tick        ticks since the start
 * @param loadRps     requests per second that arrived
 * @param instances   every instance running, booting ones included (what you pay for)
 * @param serving     instances taking traffic (warming and warm)
 * @param warm        instances with warm caches
 * @param capacityRps requests per second the serving instances could handle at 100% CPU
 * @param averageCpu  mean CPU of the serving instances (as a dashboard shows it)
 * @param latencyMs   mean latency of a request during the tick
 * @param change      instances launched (positive) or terminated (negative) at the start of this tick,
 *                    following the policy's answer of the tick before; 0 when nothing changed
 */
public record Tick(int tick, double loadRps, int instances, int serving, int warm, double capacityRps,
                   double averageCpu, double latencyMs, int change) {

    /** Minutes since the start, as a fraction (tick 6 is minute 1.5): handy for charts. */
    public double minutes() {
        return tick / (double) Fleet.TICKS_PER_MINUTE;
    }
}
