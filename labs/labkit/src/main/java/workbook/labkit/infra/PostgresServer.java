package workbook.labkit.infra;

import java.util.Map;

/**
 * A running PostgreSQL server, as seen from the test JVM. {@code internalHost}/{@code internalPort}
 * are the address Toxiproxy uses to reach it (the same as host/port unless the server runs in a
 * Docker network).
 */
public record PostgresServer(String host, int port, String user, String password,
                             String internalHost, int internalPort, Map<String, String> settings) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
