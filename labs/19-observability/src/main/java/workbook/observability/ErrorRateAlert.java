package workbook.observability;

import java.time.Instant;

/**
 * The error-rate alert of the shop. As shipped it is the rule every team writes first, "more than 1%
 * of the last minute's requests failed" ({@link OneMinuteErrorRate}). Task 4: make it a
 * multi-window, multi-burn-rate alert on the SLO.
 */
public final class ErrorRateAlert implements AlertRule {
    private final AlertRule lastMinute = new OneMinuteErrorRate();

    /** @param slo the availability objective, such as 0.999 (so the error budget is 0.1%) */
    public ErrorRateAlert(double slo) {
    }

    @Override
    public void record(Instant at, boolean error) {
        lastMinute.record(at, error);
    }

    @Override
    public boolean firing(Instant now) {
        return lastMinute.firing(now);
    }
}
