package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transactional outbox: the signup writes the user and the job to publish in one transaction, and
 * a relay publishes waiting jobs to the queue and marks them sent. Redis being down at signup costs
 * nothing; a relay that dies between publishing and marking publishes the row again later, a
 * duplicate that the idempotent consumer (Task 3) absorbs: at least once, never zero times.
 */
public record Outbox(DataSource db, JobQueue queue, CrashPoints crashes) {

    /** Signs a user up and makes sure a welcome job for them will be published; returns the user's id. */
    public long signup(String email) {
        long user;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            user = Tables.insertUser(c, email);
            try (PreparedStatement event = c.prepareStatement("INSERT INTO outbox (kind, user_id) VALUES ('welcome', ?)")) {
                event.setLong(1, user);
                event.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("signup failed: " + e.getMessage(), e);
        }
        crashes.afterUserCommit(user);
        return user;
    }

    /** Publishes up to {@code max} jobs that are waiting to be published; returns how many it published. */
    public int relay(int max) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Job> waiting = lockWaiting(c, max);
                for (Job job : waiting) {
                    queue.enqueue(job);
                    crashes.afterPublish(job.id());
                    markSent(c, job.id());
                }
                c.commit();
                return waiting.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();   // nothing marked: every row of this batch is published again next time
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("relay failed: " + e.getMessage(), e);
        }
    }

    /** The oldest unsent rows, locked; SKIP LOCKED lets a second relay take other rows instead of waiting. */
    private static List<Job> lockWaiting(Connection c, int max) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, kind, user_id FROM outbox WHERE sent_at IS NULL
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, max);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new Job(rows.getLong("id"), rows.getString("kind"), rows.getLong("user_id")));
                }
            }
            return jobs;
        }
    }

    private static void markSent(Connection c, long id) throws SQLException {
        try (PreparedStatement mark = c.prepareStatement("UPDATE outbox SET sent_at = now() WHERE id = ?")) {
            mark.setLong(1, id);
            mark.executeUpdate();
        }
    }
}
