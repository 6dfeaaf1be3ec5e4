package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of this lab:
 * <ul>
 *   <li>{@code users(id, email)}: who signed up (email unique);</li>
 *   <li>{@code jobs(id, user_id, kind, status)}: the API's record of each background job,
 *       {@code status} is {@code queued} or {@code done};</li>
 *   <li>{@code welcome_emails(id, user_id, job_id)}: one row per welcome email handed to the mailer
 *       (the side effect that must not happen twice);</li>
 *   <li>{@code processed_jobs(job_id)}: free for you to use in Task 3;</li>
 *   <li>{@code outbox(id, kind, user_id, sent_at)}: free for you to use in Task 5
 *       ({@code sent_at} null until the relay has published the row).</li>
 * </ul>
 */
public final class Schema {
    private Schema() {
    }

    /** Drops and creates every table of the lab: a clean start. */
    public static void reset(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS users, jobs, welcome_emails, processed_jobs, outbox");
            s.execute("CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE)");
            s.execute("CREATE TABLE jobs (id bigserial PRIMARY KEY, user_id bigint NOT NULL, kind text NOT NULL,"
                    + " status text NOT NULL DEFAULT 'queued')");
            s.execute("CREATE TABLE welcome_emails (id bigserial PRIMARY KEY, user_id bigint NOT NULL, job_id bigint NOT NULL)");
            s.execute("CREATE TABLE processed_jobs (job_id bigint PRIMARY KEY)");
            s.execute("CREATE TABLE outbox (id bigserial PRIMARY KEY, kind text NOT NULL, user_id bigint NOT NULL,"
                    + " sent_at timestamptz)");
        }
    }
}
