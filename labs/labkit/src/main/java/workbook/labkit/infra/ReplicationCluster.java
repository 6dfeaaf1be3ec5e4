package workbook.labkit.infra;

import java.util.List;

/**
 * A PostgreSQL primary and its streaming standbys, as seen from the test JVM (lab 11). Each standby
 * receives WAL through a Toxiproxy proxy in front of the primary, named in {@link Standby#linkProxy()}:
 * a latency toxic on that proxy delays replication, disabling it stops replication.
 */
public record ReplicationCluster(PostgresServer primary, List<Standby> standbys) {

    /**
     * One standby: the server to connect to (read-only, hot standby) and the name of the Toxiproxy
     * proxy its {@code primary_conninfo} goes through.
     */
    public record Standby(String name, PostgresServer server, String linkProxy) {
    }
}
