package workbook.autoscaling;

/**
 * Predictive plus reactive scaling (Task 5): launch now what the forecast says the next
 * {@code leadMinutes} will need, so it is warm when the load arrives, and let a reactive policy add what
 * the forecast could not know. Each tick:
 * planned = ceil(forecast peak over the minutes after this one, for leadMinutes / (capacity per instance x targetCpu));
 * the answer is whichever of planned and the reactive policy's answer is higher.
 */
public final class Predictive implements ScalingPolicy {

    private final SeasonalForecast forecast;
    private final FleetConfig config;
    private final double targetCpu;
    private final int leadMinutes;
    private final ScalingPolicy reactive;

    /**
     * @param targetCpu   the CPU to plan for, above 0 and at most 1.0
     * @param leadMinutes how far ahead to provision; at least boot + warm-up + 1 (a decision lands a tick later)
     * @throws IllegalArgumentException for a missing argument, a target out of that range or a lead under 1 minute
     */
    public Predictive(SeasonalForecast forecast, FleetConfig config, double targetCpu, int leadMinutes, ScalingPolicy reactive) {
        if (forecast == null || config == null || reactive == null || !(targetCpu > 0 && targetCpu <= 1) || leadMinutes < 1) {
            throw new IllegalArgumentException("need a forecast, a fleet config, a reactive policy, a target CPU in (0, 1]"
                    + " and a lead of at least 1 minute; got target " + targetCpu + ", lead " + leadMinutes);
        }
        this.forecast = forecast;
        this.config = config;
        this.targetCpu = targetCpu;
        this.leadMinutes = leadMinutes;
        this.reactive = reactive;
    }

    @Override
    public int desiredInstances(Observation now) {
        int reactiveWants = reactive.desiredInstances(now);
        double comingPeak = forecast.peakRps(now.minuteOfDay() + 1, leadMinutes);
        int planned = (int) Math.ceil(comingPeak / (config.capacityRps() * targetCpu));
        return Math.max(planned, reactiveWants);
    }
}
