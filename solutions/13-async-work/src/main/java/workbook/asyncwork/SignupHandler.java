package workbook.asyncwork;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code POST /signup} and {@code GET /jobs/{id}}. The request does only what the user must wait for
 * (store the user and a job saying what is left to do), hands the rest to the queue and answers
 * {@code 202 Accepted} with the address of the job; workers make the slow calls later.
 */
public record SignupHandler(SignupSetup setup) {

    /** Handles {@code POST /signup} for this email. */
    public Reply signup(String email) {
        long job;
        long user;
        try (Connection c = setup.db().getConnection()) {
            // Back-pressure: past this backlog the workers cannot keep up, so accepting more work would
            // only make every user wait longer. Say no, and say when to come back.
            if (Tables.countQueued(c) >= setup.maxQueued()) {
                return Reply.of(503, "{\"error\":\"too much work waiting; try again later\"}")
                        .withHeader("Retry-After", Long.toString(wholeSecondsRoundedUp(setup.retryAfter().toMillis())));
            }
            c.setAutoCommit(false);
            user = Tables.insertUser(c, email);
            job = Tables.insertJob(c, user, "signup");
            c.commit();   // the user and its job exist together, or neither does
        } catch (SQLException e) {
            throw new IllegalStateException("signup failed: " + e.getMessage(), e);
        }
        setup.queue().enqueue(new Job(job, "signup", user));
        return Reply.of(202, "{\"job\":" + job + ",\"status\":\"queued\"}").withHeader("Location", "/jobs/" + job);
    }

    /** Handles {@code GET /jobs/{id}}: 200 with the job's status, 404 when there is no such job. */
    public Reply job(long id) {
        try (Connection c = setup.db().getConnection()) {
            return Tables.jobStatus(c, id)
                    .map(status -> Reply.of(200, "{\"job\":" + id + ",\"status\":\"" + status + "\"}"))
                    .orElseGet(() -> Reply.of(404, "{\"error\":\"no job " + id + "\"}"));
        } catch (SQLException e) {
            throw new IllegalStateException("reading job " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Retry-After takes whole seconds (RFC 9110 §10.2.3); rounding down could tell a client to come back too soon. */
    private static long wholeSecondsRoundedUp(long millis) {
        return (millis + 999) / 1000;
    }
}
