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
        throw new UnsupportedOperationException("Task 6: add up SLO-violation minutes, instance-hours and scaling actions over the ticks");
    }
}
