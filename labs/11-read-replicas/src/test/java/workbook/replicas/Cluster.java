package workbook.replicas;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.CountingDataSource;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test support: the cluster's servers as counted {@link Node}s, lag on the replication links, and write-then-read cycles. */
final class Cluster {
    private Cluster() {
    }

    static Node primary(ReplicatedPostgres cluster) {
        return new Node("primary", new CountingDataSource(cluster.primary()));
    }

    static Node standby(ReplicatedPostgres cluster, int index) {
        return new Node(cluster.standbyName(index), new CountingDataSource(cluster.standby(index)));
    }

    static List<Node> standbys(ReplicatedPostgres cluster) {
        List<Node> standbys = new ArrayList<>();
        for (int i = 0; i < cluster.standbyCount(); i++) {
            standbys.add(standby(cluster, i));
        }
        return standbys;
    }

    static int reads(Node node) {
        return ((CountingDataSource) node.dataSource()).count("select display_name from profile");
    }

    static int writes(Node node) {
        return ((CountingDataSource) node.dataSource()).count("insert into profile");
    }

    /** Delays the WAL to every standby by {@code millis} (a latency toxic on each replication link). */
    static void lag(ReplicatedPostgres cluster, int millis) throws IOException {
        for (int i = 0; i < cluster.standbyCount(); i++) {
            cluster.replicationLink(i).toxics().latency("replication-lag", ToxicDirection.DOWNSTREAM, millis);
        }
    }

    /** Gives each user a first name everywhere: the old value a stale read returns. */
    static void seed(ReplicatedPostgres cluster, int users) throws SQLException {
        Node primary = primary(cluster);
        Profiles.createTable(primary.dataSource());
        for (int u = 0; u < users; u++) {
            Profiles.write(primary, "user-" + u, "first");
        }
        cluster.awaitReplayed();
    }

    /** One write-then-read cycle's outcome. */
    record Cycle(String wrote, Optional<String> read, Node readFrom) {
        boolean stale() {
            return !read.equals(Optional.of(wrote));
        }
    }
}
