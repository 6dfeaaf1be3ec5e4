package workbook.replicas;

import java.sql.SQLException;
import java.util.List;

/**
 * Task 3: reads go round-robin to the standbys that are in the rotation. {@link #refresh()} measures
 * every standby: one that is more than {@code maxLagBytes} of WAL behind the primary, or that cannot
 * answer, leaves the rotation; one that has caught up comes back. With no standby in the rotation,
 * reads go to the primary.
 */
public final class LagAwareRouter {

    public LagAwareRouter(Node primary, List<Node> standbys, long maxLagBytes) {
        // Task 3: keep what you need
    }

    /**
     * Measures each standby's lag (the primary's current WAL position minus the standby's replay
     * position) and rebuilds the rotation. Called on a schedule in production; a standby enters the
     * rotation only once a refresh has measured it.
     *
     * @throws SQLException if the primary cannot be asked for its position
     */
    public void refresh() throws SQLException {
        throw new UnsupportedOperationException("Task 3: measure each standby's lag and rebuild the rotation");
    }

    /** The names of the standbys in the rotation, in the order they were given. */
    public List<String> inRotation() {
        throw new UnsupportedOperationException("Task 3: name the standbys in the rotation");
    }

    public Node forRead() {
        throw new UnsupportedOperationException("Task 3: read round-robin from the rotation, else from the primary");
    }

    public Node forWrite() {
        throw new UnsupportedOperationException("Task 3: send writes to the primary");
    }
}
