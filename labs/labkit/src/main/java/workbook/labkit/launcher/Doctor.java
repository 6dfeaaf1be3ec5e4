package workbook.labkit.launcher;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import workbook.labkit.infra.Backend;
import workbook.labkit.infra.Infrastructure;
import workbook.labkit.infra.PostgresServer;
import workbook.labkit.infra.RedisServerInfo;
import workbook.labkit.infra.ToxiproxyEndpoint;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./workbook doctor}: checks everything a lab needs, one line per check, and says how to fix
 * what fails. Exit code 1 when any check fails.
 */
public final class Doctor {
    /** One check's outcome: what was looked at, what was found, and the remedy when it failed. */
    record Check(String name, boolean ok, String found, String remedy) {
        String line() {
            return String.format("%-6s %-22s %s%s", ok ? "[ok]" : "[FAIL]", name, found,
                    ok ? "" : "\n       what to do: " + remedy);
        }
    }

    private Doctor() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Check> checks = run(root);
        checks.forEach(check -> System.out.println(check.line()));
        long failed = checks.stream().filter(check -> !check.ok()).count();
        System.out.println(failed == 0 ? "Everything a lab needs is here." : failed + " check(s) failed; fix them from the top.");
        System.exit(failed == 0 ? 0 : 1);
    }

    static List<Check> run(Path root) {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(maven());
        checks.add(disk("disk (temp)", new File(System.getProperty("java.io.tmpdir")), 1024));
        checks.add(disk("disk (PostgreSQL data)", Infrastructure.embeddedPostgresData().toFile(), 1024));
        checks.add(disk("disk (workbook)", root.toFile(), 512));
        checks.add(loopbackPorts());
        boolean docker = Infrastructure.dockerAvailable();
        checks.add(new Check("docker", true, docker ? "reachable" : "not reachable (fine: the embedded servers are used)", ""));
        Backend backend;
        try {
            backend = Infrastructure.backend();
            checks.add(new Check("backend", true, backend.name() + ": " + backend.describe(), ""));
        } catch (RuntimeException e) {
            checks.add(new Check("backend", false, e.getMessage().lines().findFirst().orElse(""), remedy(e)));
            return checks;
        }
        checks.add(timed("postgresql", () -> {
            PostgresServer server = backend.postgres(Map.of());
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password())) {
                var rs = connection.createStatement().executeQuery("show server_version");
                rs.next();
                return "PostgreSQL " + rs.getString(1) + " on " + server.host() + ":" + server.port();
            }
        }));
        checks.add(timed("redis", () -> {
            RedisServerInfo server = backend.redis();
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                String version = connection.sync().info("server").lines()
                        .filter(line -> line.startsWith("redis_version:")).findFirst().orElse("redis_version:?").substring(14);
                return "Redis " + version.strip() + " on " + server.host() + ":" + server.port();
            } finally {
                client.shutdown();
            }
        }));
        checks.add(timed("toxiproxy", () -> {
            ToxiproxyEndpoint endpoint = backend.toxiproxy();
            // Newer servers answer {"version": "2.12.0"}, older ones the bare number.
            String version = new ToxiproxyClient(endpoint.apiHost(), endpoint.apiPort()).version().replaceAll("[^0-9.]", "");
            return "Toxiproxy API " + version + " on " + endpoint.apiHost() + ":" + endpoint.apiPort();
        }));
        return checks;
    }

    interface Probe {
        String run() throws Exception;
    }

    private static Check timed(String name, Probe probe) {
        long start = System.nanoTime();
        try {
            String found = probe.run();
            return new Check(name, true, found + String.format(" (ready in %.1f s)", (System.nanoTime() - start) / 1e9), "");
        } catch (Exception | Error e) {
            return new Check(name, false, "did not start: " + e.getMessage().lines().findFirst().orElse(e.toString()), remedy(e));
        }
    }

    private static String remedy(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("What to do:");
        return at >= 0 ? message.substring(at + "What to do:".length()).strip()
                : "run the lab kit's tests (mvn test -f labs/labkit) to see the full error.";
    }

    static Check java() {
        int feature = Runtime.version().feature();
        return new Check("java", feature >= 17, "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")",
                "install a JDK 17 or newer and point JAVA_HOME at it.");
    }

    static Check maven() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("windows");
        try {
            Process process = new ProcessBuilder(windows ? "mvn.cmd" : "mvn", "-v").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            String first = output.lines().findFirst().orElse("").replaceAll("\u001B\\[[;\\d]*m", "");
            boolean ok = first.matches(".*Maven (3\\.(8|9|\\d\\d)|[4-9]\\.).*");
            return new Check("maven", ok, first, "install Maven 3.8 or newer (mvn -v must work).");
        } catch (Exception e) {
            return new Check("maven", false, "mvn not found", "install Maven 3.8 or newer and put mvn on the PATH.");
        }
    }

    static Check disk(String name, File where, long neededMegabytes) {
        long free = where.getUsableSpace() / (1024 * 1024);
        return new Check(name, free >= neededMegabytes, free + " MB free in " + where.getAbsolutePath(),
                "free at least " + neededMegabytes + " MB there (the embedded servers unpack binaries and data into the temp folder).");
    }

    static Check loopbackPorts() {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Check("local ports", true, "can listen on 127.0.0.1 (tried ports " + first.getLocalPort() + " and " + second.getLocalPort() + ")", "");
        } catch (Exception e) {
            return new Check("local ports", false, "cannot listen on 127.0.0.1: " + e.getMessage(),
                    "the labs run servers on 127.0.0.1; check that the loopback interface is up and no firewall blocks it.");
        }
    }
}
