package workbook.replicas;

import java.sql.SQLException;
import java.util.List;

/**
 * Task 4: runs a workload through the router and tallies where each operation went, and how much WAL
 * the primary wrote meanwhile: the part of the load no standby takes away, since each one replays it all.
 */
public final class WorkloadRun {
    private WorkloadRun() {
    }

    public static Tally run(ReplicaRouter router, List<Op> ops) throws SQLException {
        throw new UnsupportedOperationException("Task 4: run the operations through the router and tally them");
    }
}
