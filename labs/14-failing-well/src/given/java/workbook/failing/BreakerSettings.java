package workbook.failing;

import java.time.Duration;

/**
 * A circuit breaker's settings. {@code windowSize}: how many of the latest calls the failure rate is
 * computed over (a count-based sliding window). {@code failureRatePercent}: the breaker opens when the
 * failure rate is at least this, once the window holds at least {@code minimumCalls} outcomes.
 * {@code cooldown}: how long it stays open before it lets one probe through.
 */
public record BreakerSettings(int windowSize, int failureRatePercent, int minimumCalls, Duration cooldown) {
    public BreakerSettings {
        if (windowSize < 1 || minimumCalls < 1 || minimumCalls > windowSize) {
            throw new IllegalArgumentException("need 1 <= minimumCalls <= windowSize, got " + minimumCalls + " and " + windowSize);
        }
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be 1..100, got " + failureRatePercent);
        }
        if (cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("cooldown must be positive, got " + cooldown);
        }
    }
}
