package workbook.labkit.infra;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Servers someone else runs, for example shared servers in a lab room. Named by environment
 * variables (or system properties of the same name in lower case with dots):
 * <pre>
 *   WORKBOOK_POSTGRES_URL       jdbc:postgresql://db.example:5432/postgres (a superuser: labs create databases)
 *   WORKBOOK_POSTGRES_USER      default postgres
 *   WORKBOOK_POSTGRES_PASSWORD  default postgres
 *   WORKBOOK_REDIS_URI          redis://cache.example:6379
 *   WORKBOOK_TOXIPROXY_URL      http://toxiproxy.example:8474 (without Docker: {@code ./workbook toxiproxy
 *                               [--host 0.0.0.0] [--port 8474]} runs the lab kit's own; see the README)
 *   WORKBOOK_TOXIPROXY_POSTGRES / _REDIS   how Toxiproxy reaches them, host:port (default: as the tests do)
 *   WORKBOOK_TOXIPROXY_LOCAL_HOST          how Toxiproxy reaches this machine (default 127.0.0.1)
 *   WORKBOOK_POSTGRES_STANDBY_URLS         lab 11: the streaming standbys of WORKBOOK_POSTGRES_URL, comma-separated
 *                                          JDBC URLs (same user and password)
 *   WORKBOOK_TOXIPROXY_REPLICATION_PROXIES lab 11: the names of the Toxiproxy proxies the standbys' primary_conninfo
 *                                          go through, comma-separated, in the same order
 * </pre>
 * Server settings cannot be changed from here: a lab that needs one (say max_connections) checks
 * the running value and says so clearly when it differs.
 */
final class ExternalBackend implements Backend {
    private final Function<String, Optional<String>> env;

    ExternalBackend(Function<String, Optional<String>> env) {
        this.env = env;
    }

    private String required(String name, String example) {
        return env.apply(name).orElseThrow(() -> new InfrastructureException(
                "WORKBOOK_BACKEND=external, but " + name + " is not set.",
                "set it to where the server runs, e.g. " + name + "=" + example + ", or use WORKBOOK_BACKEND=embedded.", null));
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public String describe() {
        return "servers named by WORKBOOK_POSTGRES_URL, WORKBOOK_REDIS_URI and WORKBOOK_TOXIPROXY_URL";
    }

    @Override
    public PostgresServer postgres(Map<String, String> settings) {
        String url = required("WORKBOOK_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String user = env.apply("WORKBOOK_POSTGRES_USER").orElse("postgres");
        String password = env.apply("WORKBOOK_POSTGRES_PASSWORD").orElse("postgres");
        checkSettings(url, user, password, settings);
        String internal = env.apply("WORKBOOK_TOXIPROXY_POSTGRES").orElse(uri.getHost() + ":" + uri.getPort());
        ToxiproxyEndpoint.HostPort internalAddress = ToxiproxyEndpoint.HostPort.parse(internal);
        return new PostgresServer(uri.getHost(), uri.getPort(), user, password,
                internalAddress.host(), internalAddress.port(), new LinkedHashMap<>(settings));
    }

    private static void checkSettings(String url, String user, String password, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (Map.Entry<String, String> setting : wanted.entrySet()) {
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "select current_setting('" + setting.getKey().replace("'", "''") + "')")) {
                    rs.next();
                    if (!rs.getString(1).equalsIgnoreCase(setting.getValue())) {
                        throw new InfrastructureException(
                                "This lab needs PostgreSQL with " + setting.getKey() + " = " + setting.getValue()
                                        + ", but the external server has " + rs.getString(1) + ".",
                                "start that server with -c " + setting.getKey() + "=" + setting.getValue()
                                        + ", or use the embedded or docker backend, which set it for you.", null);
                    }
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("Could not connect to the external PostgreSQL at " + url + ".",
                    "check WORKBOOK_POSTGRES_URL, _USER and _PASSWORD, and that the server accepts connections from here.", e);
        }
    }

    @Override
    public RedisServerInfo redis() {
        URI uri = URI.create(required("WORKBOOK_REDIS_URI", "redis://localhost:6379"));
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        ToxiproxyEndpoint.HostPort internal = ToxiproxyEndpoint.HostPort.parse(
                env.apply("WORKBOOK_TOXIPROXY_REDIS").orElse(uri.getHost() + ":" + port));
        return new RedisServerInfo(uri.getHost(), port, internal.host(), internal.port());
    }

    @Override
    public ToxiproxyEndpoint toxiproxy() {
        URI api = URI.create(required("WORKBOOK_TOXIPROXY_URL", "http://localhost:8474"));
        String localHost = env.apply("WORKBOOK_TOXIPROXY_LOCAL_HOST").orElse("127.0.0.1");
        return new ToxiproxyEndpoint() {
            public String apiHost() {
                return api.getHost();
            }

            public int apiPort() {
                return api.getPort() == -1 ? 8474 : api.getPort();
            }

            public String nextListenAddress() {
                return "0.0.0.0:0";
            }

            public HostPort connectAddressFor(String listen) {
                return new HostPort(api.getHost(), HostPort.parse(listen).port());
            }

            public String upstreamForLocalPort(int port) {
                return localHost + ":" + port;
            }
        };
    }

    @Override
    public ReplicationCluster replication(int count) {
        ReplicationSupport.checkCount(count);
        PostgresServer primary = postgres(Map.of());
        List<String> urls = list(required("WORKBOOK_POSTGRES_STANDBY_URLS",
                "jdbc:postgresql://standby1:5432/postgres,jdbc:postgresql://standby2:5432/postgres"));
        List<String> proxies = list(required("WORKBOOK_TOXIPROXY_REPLICATION_PROXIES", "replication-standby1,replication-standby2"));
        if (urls.size() < count || proxies.size() < count) {
            throw new InfrastructureException("This lab needs " + count + " standbys, but WORKBOOK_POSTGRES_STANDBY_URLS names "
                    + urls.size() + " and WORKBOOK_TOXIPROXY_REPLICATION_PROXIES " + proxies.size() + ".",
                    "run as many streaming standbys as the lab needs, each replicating through its own Toxiproxy proxy, "
                            + "and name them in both variables; or use WORKBOOK_BACKEND=embedded.", null);
        }
        List<ReplicationCluster.Standby> standbys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            URI uri = URI.create(urls.get(i).substring("jdbc:".length()));
            standbys.add(new ReplicationCluster.Standby("standby" + (i + 1), new PostgresServer(uri.getHost(), uri.getPort(),
                    primary.user(), primary.password(), uri.getHost(), uri.getPort(), primary.settings()), proxies.get(i)));
        }
        return new ReplicationCluster(primary, standbys);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    @Override
    public void close() {
        // Nothing to stop: these servers belong to someone else.
    }
}
