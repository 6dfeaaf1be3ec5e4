package workbook.asyncwork;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * What the signup endpoint works with.
 *
 * @param db          PostgreSQL (see {@link Schema})
 * @param downstreams the mailer, audit log and chat notifier
 * @param queue       the job queue the workers drain
 * @param maxQueued   how many jobs may wait (status {@code queued}) before signups are refused (Task 6)
 * @param retryAfter  what a refused client is told to wait (Task 6)
 */
public record SignupSetup(DataSource db, Downstreams downstreams, JobQueue queue, int maxQueued, Duration retryAfter) {
}
