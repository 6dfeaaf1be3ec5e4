package workbook.labkit.infra;

import java.util.Map;

/**
 * One way of providing the course's real servers: Docker containers, embedded binaries, or servers
 * someone else runs. Each method starts its server on first use and returns the same one afterwards;
 * {@link #close()} stops everything this backend started.
 */
public interface Backend extends AutoCloseable {
    String name();

    /** A one-line description for the start-up banner, e.g. versions and where binaries come from. */
    String describe();

    /** A PostgreSQL server with these settings (postgresql.conf parameters); one server per distinct settings. */
    PostgresServer postgres(Map<String, String> settings);

    RedisServerInfo redis();

    ToxiproxyEndpoint toxiproxy();

    /**
     * A PostgreSQL primary with {@code standbys} (1 or 2) streaming standbys whose replication
     * connections go through Toxiproxy (lab 11). Started on first use and shared afterwards: asking
     * for one standby after two returns the first.
     */
    ReplicationCluster replication(int standbys);

    @Override
    void close();
}
