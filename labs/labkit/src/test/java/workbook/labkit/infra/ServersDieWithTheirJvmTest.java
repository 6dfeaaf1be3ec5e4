package workbook.labkit.infra;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM killed outright (kill -9, an IDE's stop button, a mutation tester ending a hung test JVM)
 * runs no shutdown hook; its embedded PostgreSQL and redis-server must stop all the same.
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
        try {
            pids = serverPidsPrintedBy(child);
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
    }

    private static List<Long> serverPidsPrintedBy(Process child) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
            if (line.startsWith("pids ")) {
                return Arrays.stream(line.substring(5).trim().split(" ")).map(Long::valueOf).toList();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM printed no server pids; its output:\n" + seen);
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
