package workbook.retries;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * What a charge endpoint works with.
 *
 * @param db    the payments database ({@link Charges#createSchema} has run)
 * @param clock "now", for leases and key expiry (tests pass a fake one)
 * @param lease how long a claim protects a request in progress; after that, a repeat of the request
 *              may take the claim over (its owner is presumed dead)
 * @param steps the crash hook between the steps of one request
 */
public record ChargeSetup(DataSource db, Clock clock, Duration lease, IdempotencySteps steps) {
}
