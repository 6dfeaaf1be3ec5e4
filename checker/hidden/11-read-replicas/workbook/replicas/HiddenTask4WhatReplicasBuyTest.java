package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.Task;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 4: a single write, reads only, nothing at all. */
@Task(4)
class HiddenTask4WhatReplicasBuyTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @Test
    void aSingleWriteIsMeasured() throws SQLException {
        Cluster.seed(cluster, 1);
        Node primary = Cluster.primary(cluster);
        Tally tally = WorkloadRun.run(new ReplicaRouter(primary, Cluster.standbys(cluster)), List.of(new Op(true, "user-0", "only")));
        assertThat(tally.operationsByNode()).as("operations by server for one write").containsExactly(java.util.Map.entry("primary", 1));
        assertThat(tally.walBytesWritten()).as("WAL bytes for one upsert and its commit").isGreaterThanOrEqualTo(50);
    }

    @Test
    void readsOnlyLeaveThePrimaryOutOfTheTally() throws SQLException {
        Cluster.seed(cluster, 3);
        Node primary = Cluster.primary(cluster);
        List<Op> reads = List.of(new Op(false, "user-0", null), new Op(false, "user-1", null), new Op(false, "user-2", null));
        Tally tally = WorkloadRun.run(new ReplicaRouter(primary, Cluster.standbys(cluster)), reads);
        assertThat(tally.operations("primary")).as("operations on the primary for three reads").isZero();
        assertThat(tally.operations("standby1")).as("reads on standby1").isEqualTo(2);
        assertThat(tally.operations("standby2")).as("reads on standby2").isEqualTo(1);
        assertThat(Cluster.reads(primary) + Cluster.writes(primary)).as("statements the primary really received").isZero();
    }

    @Test
    void anEmptyWorkloadTalliesNothing() throws SQLException {
        Tally tally = WorkloadRun.run(new ReplicaRouter(Cluster.primary(cluster), Cluster.standbys(cluster)), List.of());
        assertThat(tally.operationsByNode()).as("operations by server for no operation").isEmpty();
    }
}
