package workbook.retries;

import java.time.Duration;

/**
 * The numbers of a retry policy.
 *
 * @param maxAttempts attempts in all, the first one included (so {@code maxAttempts - 1} retries at most)
 * @param base        the ceiling of the first retry's delay; each further retry doubles it
 * @param cap         no delay ceiling grows beyond this
 */
public record RetrySettings(int maxAttempts, Duration base, Duration cap) {
}
