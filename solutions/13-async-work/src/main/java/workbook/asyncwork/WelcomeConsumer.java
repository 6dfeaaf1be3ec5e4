package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The worker's handler for {@code welcome} jobs, idempotent: the job's id goes into
 * {@code processed_jobs} in the same transaction as the email's row, so either both are written or
 * neither, and a job whose id is already there is a repeat and does nothing.
 */
public record WelcomeConsumer(DataSource db, CrashPoints crashes) implements JobHandler {
    @Override
    public void handle(Job job) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!firstTime(c, job)) {
                    c.rollback();
                    return;   // a redelivery of a job already done: the email went out the first time
                }
                Tables.insertWelcomeEmail(c, job);
                crashes.afterSideEffect(job);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();   // a crash before the commit leaves no trace, so the redelivery does it all
                throw e;
            }
        }
    }

    /**
     * Records the job's id; false when it was already recorded. A second worker holding the same job
     * waits here on the first one's row lock, then sees the conflict.
     */
    private static boolean firstTime(Connection c, Job job) throws SQLException {
        try (PreparedStatement record = c.prepareStatement(
                "INSERT INTO processed_jobs (job_id) VALUES (?) ON CONFLICT (job_id) DO NOTHING")) {
            record.setLong(1, job.id());
            return record.executeUpdate() == 1;
        }
    }
}
