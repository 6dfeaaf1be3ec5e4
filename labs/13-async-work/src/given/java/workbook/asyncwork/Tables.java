package workbook.asyncwork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of the lab's tables (see {@link Schema}), so that your code reads as the protocol it runs. */
public final class Tables {
    private Tables() {
    }

    /** Inserts a user and returns its id. */
    public static long insertUser(Connection c, String email) throws SQLException {
        return insertReturningId(c, "INSERT INTO users (email) VALUES (?) RETURNING id", email);
    }

    /** Inserts a job with status {@code queued} and returns its id. */
    public static long insertJob(Connection c, long userId, String kind) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO jobs (user_id, kind) VALUES (?, ?) RETURNING id")) {
            insert.setLong(1, userId);
            insert.setString(2, kind);
            return singleLong(insert);
        }
    }

    /** The status of a job ({@code queued} or {@code done}), empty when there is no such job. */
    public static Optional<String> jobStatus(Connection c, long jobId) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT status FROM jobs WHERE id = ?")) {
            find.setLong(1, jobId);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** How many jobs have status {@code queued}: the backlog the workers have not finished. */
    public static long countQueued(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM jobs WHERE status = 'queued'")) {
            return singleLong(count);
        }
    }

    /** Hands a welcome email for the job's user to the mailer: one row in {@code welcome_emails}. */
    public static void insertWelcomeEmail(Connection c, Job job) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO welcome_emails (user_id, job_id) VALUES (?, ?)")) {
            insert.setLong(1, job.userId());
            insert.setLong(2, job.id());
            insert.executeUpdate();
        }
    }

    private static long insertReturningId(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, value);
            return singleLong(insert);
        }
    }

    private static long singleLong(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
