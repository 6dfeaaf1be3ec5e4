package workbook.asyncwork;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code POST /signup} and {@code GET /jobs/{id}}.
 * <p>
 * Task 1: answer a signup with {@code 202 Accepted} and {@code Location: /jobs/{id}} as soon as the
 * user and its job are stored, and leave the downstream calls to the workers ({@link SignupJobs}).
 * Task 6: refuse a signup with {@code 503} and {@code Retry-After} while the backlog is full.
 * <p>
 * STARTER: the signup of source 001's "before": it stores the user and then calls the mailer, the
 * audit log and the chat notifier inline, so the user waits for all three.
 */
public record SignupHandler(SignupSetup setup) {

    /** Handles {@code POST /signup} for this email. */
    public Reply signup(String email) {
        try (Connection c = setup.db().getConnection()) {
            long user = Tables.insertUser(c, email);
            setup.downstreams().callAll(user);   // the user waits for the mailer, the audit log and the chat
            return Reply.of(200, "{\"status\":\"ok\"}");
        } catch (SQLException e) {
            throw new IllegalStateException("signup failed: " + e.getMessage(), e);
        }
    }

    /** Handles {@code GET /jobs/{id}}: 200 with the job's status, 404 when there is no such job. */
    public Reply job(long id) {
        throw new UnsupportedOperationException("Task 1: answer GET /jobs/{id} with the job's status from the jobs table");
    }
}
