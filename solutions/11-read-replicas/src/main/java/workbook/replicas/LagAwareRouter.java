package workbook.replicas;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 3: reads go round-robin to the standbys that are in the rotation. {@link #refresh()} measures
 * every standby: one that is more than {@code maxLagBytes} of WAL behind the primary, or that cannot
 * answer, leaves the rotation; one that has caught up comes back. With no standby in the rotation,
 * reads go to the primary.
 */
public final class LagAwareRouter {
    private final Node primary;
    private final List<Node> standbys;
    private final long maxLagBytes;
    private volatile List<Node> rotation = List.of();
    private final AtomicInteger nextRead = new AtomicInteger();

    public LagAwareRouter(Node primary, List<Node> standbys, long maxLagBytes) {
        this.primary = primary;
        this.standbys = List.copyOf(standbys);
        this.maxLagBytes = maxLagBytes;
    }

    /**
     * Measures each standby's lag (the primary's current WAL position minus the standby's replay
     * position) and rebuilds the rotation. Called on a schedule in production; a standby enters the
     * rotation only once a refresh has measured it.
     *
     * @throws SQLException if the primary cannot be asked for its position
     */
    public void refresh() throws SQLException {
        Lsn current = WalPositions.current(primary.dataSource());
        List<Node> healthy = new ArrayList<>();
        for (Node standby : standbys) {
            Optional<Long> lag = lagBytes(standby, current);
            if (lag.isPresent() && lag.get() <= maxLagBytes) {
                healthy.add(standby);
            }
        }
        rotation = List.copyOf(healthy);
    }

    private static Optional<Long> lagBytes(Node standby, Lsn current) {
        try {
            return WalPositions.replayed(standby.dataSource()).map(current::minus);
        } catch (SQLException down) {
            return Optional.empty();
        }
    }

    /** The names of the standbys in the rotation, in the order they were given. */
    public List<String> inRotation() {
        return rotation.stream().map(Node::name).toList();
    }

    public Node forRead() {
        List<Node> current = rotation;
        if (current.isEmpty()) {
            return primary;
        }
        return current.get(Math.floorMod(nextRead.getAndIncrement(), current.size()));
    }

    public Node forWrite() {
        return primary;
    }
}
