package workbook.labkit.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servers as Docker containers, started with Testcontainers on one shared network, so that
 * Toxiproxy reaches PostgreSQL and Redis by their network aliases. Testcontainers' Ryuk removes the
 * containers when the JVM exits, even if it is killed.
 */
final class DockerBackend implements Backend {
    /** Toxiproxy's container exposes 8666 to 8697 for proxies; each new proxy takes the next one. */
    private static final int FIRST_PROXY_PORT = 8666;
    private static final int LAST_PROXY_PORT = 8697;

    private final Network network = Network.newNetwork();
    private final Map<Map<String, String>, PostgresServer> postgresBySettings = new HashMap<>();
    private final List<GenericContainer<?>> started = new ArrayList<>();
    private final AtomicInteger nextProxyPort = new AtomicInteger(FIRST_PROXY_PORT);
    private RedisServerInfo redis;
    private ToxiproxyEndpoint toxiproxy;
    /** Lab 11: the replication primary and its standbys, started on first use. */
    private PostgresServer replicationPrimary;
    private final List<ReplicationCluster.Standby> standbys = new ArrayList<>();

    static boolean dockerAvailable() {
        // Without a socket, DOCKER_HOST or a Testcontainers config there is nothing to find: answer at
        // once instead of letting the detection log its failures to a student who never installed Docker.
        boolean anyHint = new java.io.File("/var/run/docker.sock").exists()
                || System.getenv("DOCKER_HOST") != null
                || new java.io.File(System.getProperty("user.home"), ".testcontainers.properties").exists()
                || new java.io.File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()
                || System.getProperty("os.name", "").toLowerCase().contains("windows");
        if (!anyHint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String describe() {
        return Images.POSTGRES + ", " + Images.REDIS + ", " + Images.TOXIPROXY + " (Testcontainers)";
    }

    @Override
    public synchronized PostgresServer postgres(Map<String, String> settings) {
        Map<String, String> effective = new LinkedHashMap<>(EmbeddedBackend.FAST_TEST_SETTINGS);
        effective.putAll(settings);
        PostgresServer server = postgresBySettings.get(effective);
        if (server == null) {
            String alias = "postgres" + postgresBySettings.size();
            List<String> command = new ArrayList<>(List.of("postgres"));
            effective.forEach((key, value) -> {
                command.add("-c");
                command.add(key + "=" + value);
            });
            PostgreSQLContainer container = new PostgreSQLContainer(Images.POSTGRES)
                    .withNetwork(network)
                    .withNetworkAliases(alias)
                    .withCommand(command.toArray(String[]::new));
            start(container, "PostgreSQL");
            server = new PostgresServer(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword(), alias, 5432, effective);
            postgresBySettings.put(effective, server);
        }
        return server;
    }

    @Override
    public synchronized RedisServerInfo redis() {
        if (redis == null) {
            GenericContainer<?> container = new GenericContainer<>(Images.REDIS)
                    .withNetwork(network)
                    .withNetworkAliases("redis")
                    .withExposedPorts(6379);
            start(container, "Redis");
            redis = new RedisServerInfo(container.getHost(), container.getMappedPort(6379), "redis", 6379);
        }
        return redis;
    }

    @Override
    public synchronized ToxiproxyEndpoint toxiproxy() {
        if (toxiproxy == null) {
            ToxiproxyContainer container = new ToxiproxyContainer(Images.TOXIPROXY).withNetwork(network)
                    .withNetworkAliases(TOXIPROXY_ALIAS);
            start(container, "Toxiproxy");
            toxiproxy = new ToxiproxyEndpoint() {
                public String apiHost() {
                    return container.getHost();
                }

                public int apiPort() {
                    return container.getControlPort();
                }

                public String nextListenAddress() {
                    int port = nextProxyPort.getAndIncrement();
                    if (port > LAST_PROXY_PORT) {
                        throw new InfrastructureException("All 32 Toxiproxy ports of the container are in use.",
                                "delete proxies you no longer need (the lab kit's Toxi extension does this after each test class).", null);
                    }
                    return "0.0.0.0:" + port;
                }

                public HostPort connectAddressFor(String listen) {
                    int containerPort = HostPort.parse(listen).port();
                    return new HostPort(container.getHost(), container.getMappedPort(containerPort));
                }

                public String upstreamForLocalPort(int port) {
                    // Testcontainers' documented way for a container to reach a port on the host.
                    Testcontainers.exposeHostPorts(port);
                    return "host.testcontainers.internal:" + port;
                }
            };
        }
        return toxiproxy;
    }

    private static final String TOXIPROXY_ALIAS = "toxiproxy";
    private static final String PRIMARY_ALIAS = "replication-primary";

    /**
     * Lab 11: a {@code postgres:17} primary that accepts replication connections from the network,
     * and standbys made with {@code pg_basebackup -R} through a Toxiproxy proxy, so that the
     * {@code primary_conninfo} it writes goes through that proxy too.
     */
    @Override
    public synchronized ReplicationCluster replication(int count) {
        ReplicationSupport.checkCount(count);
        if (replicationPrimary == null) {
            List<String> command = new ArrayList<>(List.of("postgres"));
            EmbeddedReplication.PRIMARY_SETTINGS.forEach((key, value) -> {
                command.add("-c");
                command.add(key + "=" + value);
            });
            // Runs once, when the image's entrypoint initialises the data directory.
            String allowReplication = "echo 'host replication all all scram-sha-256' >> \"$PGDATA/pg_hba.conf\"\n";
            PostgreSQLContainer container = new PostgreSQLContainer(Images.POSTGRES)
                    .withNetwork(network)
                    .withNetworkAliases(PRIMARY_ALIAS)
                    .withCopyToContainer(Transferable.of(allowReplication, 0755),
                            "/docker-entrypoint-initdb.d/allow-replication.sh")
                    .withCommand(command.toArray(String[]::new));
            start(container, "PostgreSQL primary");
            replicationPrimary = new PostgresServer(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword(), PRIMARY_ALIAS, 5432, Map.copyOf(EmbeddedReplication.PRIMARY_SETTINGS));
        }
        while (standbys.size() < count) {
            standbys.add(startStandby(standbys.size() + 1));
        }
        return new ReplicationCluster(replicationPrimary, List.copyOf(standbys.subList(0, count)));
    }

    private ReplicationCluster.Standby startStandby(int number) {
        String name = "standby" + number;
        ToxiproxyEndpoint endpoint = toxiproxy();
        Proxy link;
        try {
            link = new ToxiproxyClient(endpoint.apiHost(), endpoint.apiPort())
                    .createProxy("replication-" + name, endpoint.nextListenAddress(), PRIMARY_ALIAS + ":5432");
        } catch (IOException e) {
            throw new InfrastructureException("Could not create the Toxiproxy proxy for " + name + "'s replication link.",
                    "check that the Toxiproxy container is running (docker ps).", e);
        }
        int linkPort = ToxiproxyEndpoint.HostPort.parse(link.getListen()).port();
        String dataDirectory = "/var/lib/postgresql/standby";
        // pg_basebackup -R writes standby.signal and a primary_conninfo naming the host and port it copied
        // from: the proxy. Both run as the image's postgres user, which must own the data directory.
        String script = "gosu postgres pg_basebackup --host=" + TOXIPROXY_ALIAS + " --port=" + linkPort
                + " --username=" + replicationPrimary.user() + " --pgdata=" + dataDirectory + " --wal-method=stream --write-recovery-conf"
                + " && exec gosu postgres postgres -D " + dataDirectory + " -c hot_standby=on -c wal_retrieve_retry_interval=100ms";
        GenericContainer<?> container = new GenericContainer<>(Images.POSTGRES)
                .withNetwork(network)
                .withNetworkAliases(name)
                .withEnv("PGPASSWORD", replicationPrimary.password())
                .withExposedPorts(5432)
                .withCommand("bash", "-c", script)
                .waitingFor(Wait.forLogMessage(".*ready to accept read-only connections.*\\n", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        start(container, "PostgreSQL " + name);
        PostgresServer server = new PostgresServer(container.getHost(), container.getMappedPort(5432),
                replicationPrimary.user(), replicationPrimary.password(), name, 5432, replicationPrimary.settings());
        return new ReplicationCluster.Standby(name, server, link.getName());
    }

    private void start(GenericContainer<?> container, String what) {
        try {
            container.start();
            started.add(container);
        } catch (RuntimeException e) {
            throw new InfrastructureException("The " + what + " container did not start.",
                    "check that Docker is running (docker info) and can pull " + container.getDockerImageName()
                            + "; or run without Docker: WORKBOOK_BACKEND=embedded.", e);
        }
    }

    @Override
    public synchronized void close() {
        for (GenericContainer<?> container : started) {
            container.stop();
        }
        network.close();
    }
}
