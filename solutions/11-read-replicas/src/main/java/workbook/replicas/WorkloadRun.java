package workbook.replicas;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task 4: runs a workload through the router and tallies where each operation went, and how much WAL
 * the primary wrote meanwhile: the part of the load no standby takes away, since each one replays it all.
 */
public final class WorkloadRun {
    private WorkloadRun() {
    }

    public static Tally run(ReplicaRouter router, List<Op> ops) throws SQLException {
        Map<String, Integer> operations = new TreeMap<>();
        Lsn before = WalPositions.current(router.primary().dataSource());
        for (Op op : ops) {
            Node node = op.write() ? router.forWrite() : router.forRead();
            if (op.write()) {
                Profiles.write(node, op.user(), op.displayName());
            } else {
                Profiles.read(node, op.user());
            }
            operations.merge(node.name(), 1, Integer::sum);
        }
        Lsn after = WalPositions.current(router.primary().dataSource());
        return new Tally(operations, after.minus(before));
    }
}
