package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(1)
class Task1RoutingTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @Test
    void writesGoToThePrimaryAndReadsTakeTurnsOnTheStandbys() throws SQLException {
        Cluster.seed(cluster, 4);
        Node primary = Cluster.primary(cluster);
        List<Node> standbys = Cluster.standbys(cluster);
        ReplicaRouter router = new ReplicaRouter(primary, standbys);

        for (int i = 0; i < 10; i++) {
            Profiles.write(router.forWrite(), "user-" + (i % 4), "name-" + i);
        }
        cluster.awaitReplayed();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Node node = router.forRead();
            if (i < 4) {
                order.add(node.name());
            }
            Profiles.read(node, "user-" + (i % 4));
        }
        System.out.printf("[Task 1] 10 writes and 100 reads: primary %d writes %d reads, standby1 %d reads, standby2 %d reads%n",
                Cluster.writes(primary), Cluster.reads(primary), Cluster.reads(standbys.get(0)), Cluster.reads(standbys.get(1)));
        assertThat(Cluster.writes(primary)).as("writes the primary received of 10").isEqualTo(10);
        assertThat(Cluster.reads(primary)).as("reads the primary received of 100, with two standbys up: reads belong on the standbys").isZero();
        assertThat(order).as("the first four reads' servers: round-robin takes the standbys in turn, in the order given")
                .containsExactly("standby1", "standby2", "standby1", "standby2");
        assertThat(Cluster.reads(standbys.get(0))).as("reads standby1 served of 100 (round-robin over 2)").isEqualTo(50);
        assertThat(Cluster.reads(standbys.get(1))).as("reads standby2 served of 100 (round-robin over 2)").isEqualTo(50);
    }

    @Test
    void aReadWriteTransactionRunsOnThePrimaryAReadOnlyOneOnAStandby() throws SQLException {
        Cluster.seed(cluster, 1);
        Node primary = Cluster.primary(cluster);
        ReplicaRouter router = new ReplicaRouter(primary, Cluster.standbys(cluster));

        Node readWrite = router.forTransaction(false);
        assertThat(readWrite.name()).as("server for a read-write transaction").isEqualTo("primary");
        try (Connection connection = readWrite.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeQuery("select display_name from profile where user_id = 'user-0' for update").close();
            statement.executeUpdate("update profile set display_name = 'in a transaction' where user_id = 'user-0'");
            connection.commit();
        }
        List<String> readOnly = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readOnly.add(router.forTransaction(true).name());
        }
        assertThat(readOnly).as("servers for four read-only transactions").containsExactly("standby1", "standby2", "standby1", "standby2");
        assertThat(router.forTransaction(false).name()).as("server for another read-write transaction").isEqualTo("primary");
        // Why: a standby refuses any write.
        assertThatThrownBy(() -> Profiles.write(Cluster.standby(cluster, 0), "user-0", "x"))
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void withoutStandbysEverythingGoesToThePrimary() {
        Node primary = Cluster.primary(cluster);
        ReplicaRouter router = new ReplicaRouter(primary, List.of());
        assertThat(List.of(router.forRead().name(), router.forRead().name(), router.forWrite().name(), router.forTransaction(true).name()))
                .as("servers for read, read, write and a read-only transaction with no standby")
                .containsOnly("primary");
    }

    @Test
    void underReplicationLagAReadRightAfterAWriteSeesTheOldValue() throws Exception {
        Cluster.seed(cluster, 5);
        ReplicaRouter router = new ReplicaRouter(Cluster.primary(cluster), Cluster.standbys(cluster));
        Cluster.lag(cluster, 500);
        int stale = 0;
        Optional<String> firstStale = Optional.empty();
        for (int i = 0; i < 20; i++) {
            String user = "user-" + (i % 5);
            Profiles.write(router.forWrite(), user, "cycle-" + i);
            Optional<String> seen = Profiles.read(router.forRead(), user);
            if (!seen.equals(Optional.of("cycle-" + i))) {
                stale++;
                firstStale = firstStale.isPresent() ? firstStale : seen;
            }
        }
        System.out.printf("[Task 1] 500 ms of replication lag: %d of 20 reads right after the user's write were stale (first saw %s)%n",
                stale, firstStale.orElse("nothing"));
        assertThat(stale).as("stale reads of 20 write-then-read cycles with 500 ms of lag and reads on the standbys: "
                + "this is the read-your-writes failure Task 2 fixes").isEqualTo(20);
    }
}
