package workbook.asyncwork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The worker's side of a signup: makes the three downstream calls for the job's user, then marks the
 * job {@code done} in the {@code jobs} table.
 */
public record SignupJobs(DataSource db, Downstreams downstreams) implements JobHandler {
    @Override
    public void handle(Job job) throws SQLException {
        downstreams.callAll(job.userId());
        try (Connection c = db.getConnection();
             PreparedStatement done = c.prepareStatement("UPDATE jobs SET status = 'done' WHERE id = ?")) {
            done.setLong(1, job.id());
            done.executeUpdate();
        }
    }
}
