package workbook.labkit.infra;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM killed outright (kill -9, an IDE's stop button, a mutation tester ending a hung test JVM)
 * runs no shutdown hook; its embedded PostgreSQL and redis-server must stop all the same, and
 * PostgreSQL's data directory must not be left on the disk.
 */
class ServersDieWithTheirJvmTest {

    @Test
    void killingTheJvmStopsItsPostgresAndRedis() throws Exception {
        EmbeddedBackend.checkPlatform();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServersUntilKilled.class.getName())
                .redirectErrorStream(true)
                .start();
        List<Long> pids;
        Path dataDirectory;
        try {
            List<String> printed = linesPrintedBy(child, "data ", "pids ");
            dataDirectory = Path.of(printed.get(0));
            pids = Arrays.stream(printed.get(1).split(" ")).map(Long::valueOf).toList();
            assertThat(dataDirectory.resolve("PG_VERSION")).as("PostgreSQL's data directory").exists();
            assertThat(pids).as("PostgreSQL and redis-server process ids").hasSize(2);
            pids.forEach(pid -> assertThat(ProcessHandle.of(pid)).as("server process %d before the kill", pid)
                    .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue()));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM died").isTrue();

        await("the servers of the killed JVM stop").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(pids.stream().filter(ServersDieWithTheirJvmTest::alive).toList())
                        .as("server processes still running after their JVM was killed").isEmpty());
        await("the data directory of the killed JVM's PostgreSQL is removed").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(dataDirectory).doesNotExist());
    }

    @Test
    void killingTheJvmStopsItsStreamingStandbyAndRemovesItsFiles() throws Exception {
        EmbeddedBackend.checkPlatform();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServersUntilKilled.class.getName(), "standby")
                .redirectErrorStream(true)
                .start();
        Path standbyDirectory;
        Path standbyLog;
        try {
            standbyDirectory = Path.of(linesPrintedBy(child, "data ", "pids ", "standby ").get(2));
            standbyLog = standbyDirectory.resolveSibling(standbyDirectory.getFileName() + ".log");
            assertThat(standbyDirectory.resolve("standby.signal")).as("the standby's data directory").exists();
            assertThat(standbyLog).as("the standby's log").exists();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM died").isTrue();

        await("the standby of the killed JVM stops and its files go").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertGone(standbyDirectory);
                    assertThat(standbyLog).doesNotExist();
                });
    }

    @Test
    void killingTheJvmWhileItsPostgresStartsLeavesNothingRunning() throws Exception {
        EmbeddedBackend.checkPlatform();
        // A temporary directory of its own, so that no other JVM's server is mistaken for the child's.
        Path childTemp = Files.createTempDirectory("labkit-killed-while-starting-");
        Path root = childTemp.resolve(PostgresDataDirectories.ROOT.getFileName().toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + childTemp,
                "-Dworkbook.postgres.data=" + childTemp, "-cp",
                System.getProperty("java.class.path"), ServersUntilKilled.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path starting;
        try {
            // Killed as soon as its server's data directory exists: the server is still being made.
            starting = await("the child's PostgreSQL data directory").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> dataDirectoryIn(root), Optional::isPresent)
                    .orElseThrow();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM died").isTrue();

        await("the half-started server of the killed JVM stops and its directory goes").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertGone(starting);
                });
        PostgresDataDirectories.deleteQuietly(childTemp);
    }

    /** No process names the data directory on its command line, and the directory is removed. */
    private static void assertGone(Path dataDirectory) {
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .map(line -> line.contains(dataDirectory.toString())).orElse(false)).map(ProcessHandle::pid).toList())
                .as("processes still serving %s", dataDirectory).isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    private static Optional<Path> dataDirectoryIn(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("data-")).findFirst();
        }
    }

    /** The rest of each line the child prints starting with one of the prefixes, in their order. */
    private static List<String> linesPrintedBy(Process child, String... prefixes) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; found.size() < prefixes.length && System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
            if (line.startsWith(prefixes[found.size()])) {
                found.add(line.substring(prefixes[found.size()].length()).trim());
            }
            seen.append(line).append('\n');
        }
        if (found.size() < prefixes.length) {
            throw new AssertionError("The child JVM did not print " + Arrays.toString(prefixes) + "; its output:\n" + seen);
        }
        return found;
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
