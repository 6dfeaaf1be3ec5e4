package workbook.autoscaling;

/**
 * Predictive plus reactive scaling (Task 5): launch now what the forecast says the next
 * {@code leadMinutes} will need, so it is warm when the load arrives, and let a reactive policy add what
 * the forecast could not know. Each tick:
 * planned = ceil(forecast peak over the minutes after this one, for leadMinutes / (capacity per instance x targetCpu));
 * the answer is whichever of planned and the reactive policy's answer is higher.
 */
public final class Predictive implements ScalingPolicy {

    /**
     * @param targetCpu   the CPU to plan for, above 0 and at most 1.0
     * @param leadMinutes how far ahead to provision; at least boot + warm-up + 1 (a decision lands a tick later)
     * @throws IllegalArgumentException for a missing argument, a target out of that range or a lead under 1 minute
     */
    public Predictive(SeasonalForecast forecast, FleetConfig config, double targetCpu, int leadMinutes, ScalingPolicy reactive) {
    }

    @Override
    public int desiredInstances(Observation now) {
        throw new UnsupportedOperationException("Task 5: provision for the forecast peak of the next leadMinutes, or what the reactive policy wants if more");
    }
}
