package workbook.labkit.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

/**
 * The child JVM of {@link ServersDieWithTheirJvmTest}: starts the embedded PostgreSQL and
 * redis-server, prints PostgreSQL's data directory and the servers' process ids, then waits to be killed.
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
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
