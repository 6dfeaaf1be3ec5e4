package workbook.labkit.infra;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
    public void close() {
        // Nothing to stop: these servers belong to someone else.
    }
}
