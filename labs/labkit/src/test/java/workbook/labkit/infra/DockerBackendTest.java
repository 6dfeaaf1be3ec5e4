package workbook.labkit.infra;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Starts the real containers. Skipped, with a message, on machines without a Docker engine. */
class DockerBackendTest {
    @Test
    void startsPostgresRedisAndToxiproxyOnOneNetwork() throws Exception {
        assumeTrue(DockerBackend.dockerAvailable(),
                "Docker is not reachable on this machine, so the docker backend is not tested here "
                        + "(the embedded backend is what runs; start Docker to include this test)");
        try (DockerBackend docker = new DockerBackend()) {
            PostgresServer postgres = docker.postgres(Map.of("max_connections", "31"));
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
                 ResultSet rs = connection.createStatement().executeQuery("show max_connections")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("31");
            }
            RedisServerInfo redis = docker.redis();
            RedisClient client = RedisClient.create(redis.uri());
            assertThat(client.connect().sync().ping()).isEqualTo("PONG");
            client.shutdown();

            ToxiproxyEndpoint toxiproxy = docker.toxiproxy();
            Proxy proxy = new ToxiproxyClient(toxiproxy.apiHost(), toxiproxy.apiPort())
                    .createProxy("redis-through-toxiproxy", toxiproxy.nextListenAddress(), redis.internalHost() + ":" + redis.internalPort());
            ToxiproxyEndpoint.HostPort address = toxiproxy.connectAddressFor(proxy.getListen());
            RedisClient proxied = RedisClient.create("redis://" + address);
            assertThat(proxied.connect().sync().ping()).isEqualTo("PONG");
            proxied.shutdown();
        }
    }
}
