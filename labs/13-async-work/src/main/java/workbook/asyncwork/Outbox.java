package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 5: a signup that publishes a {@code welcome} job, and never loses it.
 * <p>
 * STARTER: commits the user, then publishes the job to the queue. If Redis is unreachable at that
 * moment (or the process dies), the user exists and the job is lost: nobody will ever send the email.
 * {@link #relay(int)} has nothing to do.
 *
 * @param db      PostgreSQL ({@code users}, and the {@code outbox} table for you)
 * @param queue   where welcome jobs are published
 * @param crashes call {@code afterUserCommit} once the user is committed, and {@code afterPublish}
 *                between publishing an outbox row and marking it sent
 */
public record Outbox(DataSource db, JobQueue queue, CrashPoints crashes) {

    /** Signs a user up and makes sure a welcome job for them will be published; returns the user's id. */
    public long signup(String email) {
        long user;
        try (Connection c = db.getConnection()) {
            user = Tables.insertUser(c, email);
        } catch (SQLException e) {
            throw new IllegalStateException("signup failed: " + e.getMessage(), e);
        }
        crashes.afterUserCommit(user);
        queue.enqueue(new Job(user, "welcome", user));   // Redis down here: the job is lost
        return user;
    }

    /** Publishes up to {@code max} jobs that are waiting to be published; returns how many it published. */
    public int relay(int max) {
        return 0;   // the starter publishes inline: nothing waits
    }
}
