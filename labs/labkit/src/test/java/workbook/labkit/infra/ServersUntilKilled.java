package workbook.labkit.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

/**
 * The child JVM of {@link ServersDieWithTheirJvmTest}: starts the embedded PostgreSQL and
 * redis-server (and with the argument {@code standby}, a streaming standby), prints PostgreSQL's data
 * directory, the servers' process ids and the standby's data directory, then waits to be killed.
 */
public final class ServersUntilKilled {
    public static void main(String[] args) throws Exception {
        EmbeddedBackend backend = new EmbeddedBackend();
        PostgresServer postgres = backend.postgres(Map.of());
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
             ResultSet row = connection.createStatement().executeQuery("select current_setting('data_directory')")) {
            row.next();
            System.out.println("data " + row.getString(1));
        }
        backend.redis();
        System.out.println("pids " + backend.serverPids().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
        if (args.length > 0 && args[0].equals("standby")) {
            PostgresServer standby = backend.replication(1).standbys().get(0).server();
            try (Connection connection = DriverManager.getConnection(standby.jdbcUrl("postgres"), standby.user(), standby.password());
                 ResultSet row = connection.createStatement().executeQuery("select current_setting('data_directory')")) {
                row.next();
                System.out.println("standby " + row.getString(1));
            }
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
