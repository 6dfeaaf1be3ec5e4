package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.Task;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4WhatReplicasBuyTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    static final List<Op> NINETY_TEN = Op.mix(400, 10, 20, 11);
    static final int WRITES = (int) NINETY_TEN.stream().filter(Op::write).count();
    static final int READS = NINETY_TEN.size() - WRITES;

    private Tally runWith(List<Node> standbys, Node primary) throws SQLException {
        Cluster.seed(cluster, 20);
        Lsn before = WalPositions.current(cluster.primary());
        Tally tally = WorkloadRun.run(new ReplicaRouter(primary, standbys), NINETY_TEN);
        Lsn after = WalPositions.current(cluster.primary());
        cluster.awaitReplayed();
        assertThat(tally.walBytesWritten()).as("WAL bytes the run wrote on the primary (measured around it: %d)", after.minus(before))
                .isPositive().isLessThanOrEqualTo(after.minus(before)).isGreaterThanOrEqualTo(WRITES * 50L);
        for (Node standby : standbys) {
            Lsn replayed = WalPositions.replayed(cluster.standby(standby.name().equals("standby1") ? 0 : 1)).orElseThrow();
            assertThat(replayed.minus(before)).as("WAL bytes %s replayed: all the primary wrote, whatever its share of reads", standby.name())
                    .isGreaterThanOrEqualTo(tally.walBytesWritten());
        }
        return tally;
    }

    @Test
    void withOneStandbyThePrimaryKeepsOnlyTheWrites() throws SQLException {
        Node primary = Cluster.primary(cluster);
        Node standby = Cluster.standby(cluster, 0);
        Tally tally = runWith(List.of(standby), primary);
        System.out.printf("[Task 4] 1 standby: %d writes + %d reads; primary %d ops (%.0f%%), standby1 %d; %d bytes of WAL to replay%n",
                WRITES, READS, tally.operations("primary"), 100 * tally.share("primary"), tally.operations("standby1"), tally.walBytesWritten());
        assertThat(tally.operations("primary")).as("operations tallied on the primary").isEqualTo(WRITES).isEqualTo(Cluster.writes(primary));
        assertThat(tally.operations("standby1")).as("operations tallied on standby1").isEqualTo(READS).isEqualTo(Cluster.reads(standby));
        assertThat(Cluster.reads(primary)).as("reads the primary really served").isZero();
    }

    @Test
    void aSecondStandbyHalvesEachStandbysReadsButNotTheWrites() throws SQLException {
        Node primary = Cluster.primary(cluster);
        List<Node> standbys = Cluster.standbys(cluster);
        Tally tally = runWith(standbys, primary);
        System.out.printf("[Task 4] 2 standbys: primary %d ops (%.0f%%), standby1 %d, standby2 %d; each replays %d bytes of WAL%n",
                tally.operations("primary"), 100 * tally.share("primary"), tally.operations("standby1"), tally.operations("standby2"),
                tally.walBytesWritten());
        assertThat(tally.operations("primary")).as("operations tallied on the primary").isEqualTo(WRITES).isEqualTo(Cluster.writes(primary));
        assertThat(tally.operations("standby1")).as("operations tallied on standby1").isEqualTo((READS + 1) / 2).isEqualTo(Cluster.reads(standbys.get(0)));
        assertThat(tally.operations("standby2")).as("operations tallied on standby2").isEqualTo(READS / 2).isEqualTo(Cluster.reads(standbys.get(1)));
        assertThat(tally.share("primary")).as("the primary's share of operations").isEqualTo((double) WRITES / NINETY_TEN.size());
    }
}
