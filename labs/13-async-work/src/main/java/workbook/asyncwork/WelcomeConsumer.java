package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 3: the worker's handler for {@code welcome} jobs. A queue with acks delivers a job at least
 * once, so the same job may arrive twice (a worker died before its ack, a relay published it twice):
 * handling it again must not send a second welcome email.
 * <p>
 * STARTER: writes the email's row and is done, so every delivery sends an email.
 *
 * @param db      PostgreSQL; the side effect is a row in {@code welcome_emails} ({@link Tables#insertWelcomeEmail})
 * @param crashes call {@code crashes.afterSideEffect(job)} after writing the side effect, before committing it
 */
public record WelcomeConsumer(DataSource db, CrashPoints crashes) implements JobHandler {
    @Override
    public void handle(Job job) throws SQLException {
        try (Connection c = db.getConnection()) {
            Tables.insertWelcomeEmail(c, job);
            crashes.afterSideEffect(job);
        }
    }
}
