package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: the limit itself, a server that has replayed nothing, one standby left. */
@Task(3)
class HiddenTask3LagAwareRoutingTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    private static void write(int rows) throws SQLException {
        try (Connection connection = cluster.primary().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists filler(id int, pad text)");
            statement.execute("insert into filler select g, repeat('y', 100) from generate_series(1, " + rows + ") g");
        }
    }

    @Test
    void aStandbyExactlyAtTheLimitIsInAndOneByteBeyondIsOut() throws Exception {
        cluster.replicationLink(0).disable();
        write(2_000);
        // The primary may write a little WAL of its own at any moment; measure until two readings agree around the refreshes.
        for (int attempt = 0; attempt < 5; attempt++) {
            long lag = cluster.replayLagBytes(0);
            LagAwareRouter atLimit = new LagAwareRouter(Cluster.primary(cluster), List.of(Cluster.standby(cluster, 0)), lag);
            LagAwareRouter belowLimit = new LagAwareRouter(Cluster.primary(cluster), List.of(Cluster.standby(cluster, 0)), lag - 1);
            atLimit.refresh();
            belowLimit.refresh();
            if (cluster.replayLagBytes(0) == lag) {
                assertThat(atLimit.inRotation()).as("rotation of a standby %d bytes behind, with a limit of %d bytes", lag, lag)
                        .containsExactly("standby1");
                assertThat(belowLimit.inRotation()).as("rotation of a standby %d bytes behind, with a limit of %d bytes", lag, lag - 1)
                        .isEmpty();
                return;
            }
        }
        throw new AssertionError("the primary kept writing WAL of its own; could not measure a stable lag");
    }

    @Test
    void aServerThatHasReplayedNothingIsNotInTheRotation() throws SQLException {
        Node notAStandby = new Node("not-a-standby", cluster.primary());
        LagAwareRouter router = new LagAwareRouter(Cluster.primary(cluster), List.of(notAStandby, Cluster.standby(cluster, 1)), 1 << 20);
        router.refresh();
        assertThat(router.inRotation()).as("rotation when one 'standby' is really a primary (pg_last_wal_replay_lsn() is null)")
                .containsExactly("standby2");
    }

    @Test
    void oneStandbyLeftTakesEveryRead() throws Exception {
        LagAwareRouter router = new LagAwareRouter(Cluster.primary(cluster), Cluster.standbys(cluster), 8 * 1024);
        cluster.replicationLink(1).disable();
        write(4_000);
        cluster.awaitReplayed(0);
        router.refresh();
        assertThat(router.inRotation()).as("rotation with standby2 cut off after ~600 KB of writes").containsExactly("standby1");
        assertThat(List.of(router.forRead().name(), router.forRead().name(), router.forRead().name()))
                .as("servers for three reads").containsOnly("standby1");
        assertThat(router.forWrite().name()).as("server for a write").isEqualTo("primary");
    }
}
