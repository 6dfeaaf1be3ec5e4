package workbook.autoscaling;

/**
 * The three numbers an autoscaler is judged by (Task 6).
 *
 * @param sloViolationMinutes minutes during which the latency was above the objective (what users felt):
 *                            ticks with latency above {@code sloLatencyMs}, times 15 seconds
 * @param instanceHours       hours of instances running, booting ones included (what it cost)
 * @param scalingActions      ticks at which the fleet launched or terminated instances (churn)
 */
public record Scorecard(double sloViolationMinutes, double instanceHours, int scalingActions) {

    public static Scorecard of(Run run) {
        int violatingTicks = 0;
        long instanceTicks = 0;
        int actions = 0;
        for (Tick tick : run.ticks()) {
            if (tick.latencyMs() > run.config().sloLatencyMs()) {
                violatingTicks++;
            }
            instanceTicks += tick.instances();
            if (tick.change() != 0) {
                actions++;
            }
        }
        return new Scorecard(violatingTicks * Fleet.TICK_SECONDS / 60.0, instanceTicks * Fleet.TICK_SECONDS / 3600.0, actions);
    }
}
