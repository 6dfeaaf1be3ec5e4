package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(3)
class Task3LagAwareRoutingTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final long MAX_LAG = 64 * 1024;

    private static List<String> names(LagAwareRouter router, int reads) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            names.add(router.forRead().name());
        }
        return names;
    }

    /** About 2 MB of WAL on the primary. */
    private static void writeALot() throws SQLException {
        try (Connection connection = cluster.primary().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists filler(id int, pad text)");
            statement.execute("insert into filler select g, repeat('x', 200) from generate_series(1, 8000) g");
        }
    }

    @Test
    void caughtUpStandbysAreInTheRotationAfterARefresh() throws SQLException {
        LagAwareRouter router = new LagAwareRouter(Cluster.primary(cluster), Cluster.standbys(cluster), MAX_LAG);
        assertThat(router.inRotation()).as("standbys in the rotation before any refresh has measured them").isEmpty();
        assertThat(router.forRead().name()).as("server for a read before any refresh").isEqualTo("primary");
        router.refresh();
        assertThat(router.inRotation()).as("standbys in the rotation after a refresh, both caught up").containsExactly("standby1", "standby2");
        assertThat(names(router, 4)).as("servers for four reads").containsExactly("standby1", "standby2", "standby1", "standby2");
        assertThat(router.forWrite().name()).as("server for a write").isEqualTo("primary");
    }

    @Test
    void aStandbyTooFarBehindLeavesTheRotationAndComesBackWhenItCatchesUp() throws Exception {
        LagAwareRouter router = new LagAwareRouter(Cluster.primary(cluster), Cluster.standbys(cluster), MAX_LAG);
        router.refresh();
        assertThat(router.inRotation()).as("rotation with both standbys caught up").containsExactly("standby1", "standby2");
        cluster.replicationLink(0).disable();
        writeALot();
        cluster.awaitReplayed(1);
        router.refresh();
        System.out.printf("[Task 3] standby1 cut off after ~2 MB of writes: %d bytes behind; rotation %s%n",
                cluster.replayLagBytes(0), router.inRotation());
        assertThat(router.inRotation()).as("rotation with standby1 about 2 MB behind and a limit of 64 KB").containsExactly("standby2");
        assertThat(names(router, 3)).as("servers for three reads").containsOnly("standby2");

        cluster.replicationLink(0).enable();
        cluster.awaitReplayed();
        router.refresh();
        assertThat(router.inRotation()).as("rotation once standby1 has caught up").containsExactly("standby1", "standby2");
    }

    @Test
    void aStandbyThatIsDownIsSkippedAndReadsStillSucceedOnThePrimary() throws Exception {
        Cluster.seed(cluster, 1);
        Toxi.Proxied toStandby1 = toxi.proxy("standby1", cluster.standbyUpstream(0));
        Toxi.Proxied toStandby2 = toxi.proxy("standby2", cluster.standbyUpstream(1));
        Node standby1 = new Node("standby1", cluster.newPool(cluster.jdbcUrl(toStandby1), config -> config.setConnectionTimeout(250)));
        Node standby2 = new Node("standby2", cluster.newPool(cluster.jdbcUrl(toStandby2), config -> config.setConnectionTimeout(250)));
        LagAwareRouter router = new LagAwareRouter(Cluster.primary(cluster), List.of(standby1, standby2), MAX_LAG);
        router.refresh();
        assertThat(router.inRotation()).as("rotation with both standbys up").containsExactly("standby1", "standby2");

        toStandby1.disable();
        router.refresh();
        assertThat(router.inRotation()).as("rotation with standby1 unreachable").containsExactly("standby2");

        toStandby2.disable();
        router.refresh();
        assertThat(router.inRotation()).as("rotation with both standbys unreachable").isEmpty();
        Node node = router.forRead();
        assertThat(node.name()).as("server for a read with no standby reachable").isEqualTo("primary");
        assertThat(Profiles.read(node, "user-0")).as("the read itself").contains("first");

        toStandby1.enable();
        toStandby2.enable();
        // The pools open new connections to the standbys, which takes a moment on a busy machine.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            router.refresh();
            assertThat(router.inRotation()).as("rotation once both are reachable again").containsExactly("standby1", "standby2");
        });
    }
}
