package workbook.checker.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JVM for a lab's tests and makes sure it ends: a wall-clock limit that stops even code
 * ignoring interrupts, the whole process tree killed (servers it started included), and its output
 * drained and capped so that code printing without end neither blocks nor fills memory.
 */
public final class TestJvm {
    /** Time the JVM gets after SIGTERM to run its shutdown hooks (they stop the lab kit's servers). */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C on the checker (or a CI cancel) must not leave test JVMs behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(TestJvm::kill), "checker-stop-test-jvms"));
    }

    private TestJvm() {
    }

    /** How the JVM ended. {@code timedOut}: it was stopped by the wall-clock limit. */
    public record Exit(int code, boolean timedOut, String stdout, String stderr, Duration elapsed) {
        /** The end of what it printed, for a report when it ended badly. */
        public String outputTail(int max) {
            String both = (stdout.isBlank() ? "" : stdout.strip()) + (stderr.isBlank() ? "" : "\n" + stderr.strip());
            both = both.strip();
            return both.length() <= max ? both : "..." + both.substring(both.length() - max);
        }
    }

    /**
     * Runs {@code command} in {@code workingDirectory}.
     *
     * @param orphanMarker a path that appears on the command line of every server the JVM starts
     *                     (its java.io.tmpdir): daemons that outlive it, such as postgres, are found by it
     */
    public static Exit run(List<String> command, Path workingDirectory, Map<String, String> environment,
                           Duration limit, int outputLimit, String orphanMarker) throws IOException {
        return run(command, workingDirectory, environment, limit, outputLimit, orphanMarker, null);
    }

    /**
     * As above; with a {@code channel}, the JVM first reads the channel's secret on its standard
     * input, and the signed result records in its standard output go to the channel, not to the output.
     */
    public static Exit run(List<String> command, Path workingDirectory, Map<String, String> environment,
                           Duration limit, int outputLimit, String orphanMarker, ResultChannel channel) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        CappedText stdout = new CappedText(outputLimit, outputLimit / 4);
        CappedText stderr = new CappedText(outputLimit, outputLimit / 4);
        Thread outReader = channel == null ? drain(process.getInputStream(), stdout, "stdout")
                : drainLines(process.getInputStream(), stdout, channel);
        Thread errReader = drain(process.getErrorStream(), stderr, "stderr");
        feed(process, channel == null ? new byte[0] : channel.handshake());
        boolean timedOut = false;
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(process);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
        // Anything the JVM started and left running (a server after Runtime.halt) goes too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        reapOrphans(orphanMarker);
        join(outReader);
        join(errReader);
        int code = process.isAlive() ? -1 : process.exitValue();
        return new Exit(code, timedOut, stdout.toString(), stderr.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** SIGTERM first so shutdown hooks stop the servers cleanly; then SIGKILL for the whole tree. */
    static void kill(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                family.addAll(process.descendants().toList());
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        family.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills processes whose command line names the marker: servers re-parented away from the JVM. */
    static void reapOrphans(String marker) {
        if (marker == null || marker.isBlank()) {
            return;
        }
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self)
                .filter(handle -> handle.info().commandLine().map(line -> names(line, marker)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** Whether the command line names the marker folder itself or a path inside it (not /slot-10 for /slot-1). */
    static boolean names(String commandLine, String marker) {
        for (int at = commandLine.indexOf(marker); at >= 0; at = commandLine.indexOf(marker, at + 1)) {
            int after = at + marker.length();
            if (after == commandLine.length()) {
                return true;
            }
            char next = commandLine.charAt(after);
            if (next == '/' || next == '\\' || next == ' ' || next == '"' || next == '\'' || next == ':' || next == ';') {
                return true;
            }
        }
        return false;
    }

    private static Thread drain(InputStream stream, CappedText into, String name) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    into.append(buffer, 0, read);
                }
            } catch (IOException ignored) {
                // the process is gone; what was read is kept
            }
        }, "checker-drain-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Writes the JVM's standard input and closes it, on a thread of its own: a JVM that never reads it must not block the checker. */
    private static void feed(Process process, byte[] input) {
        Thread writer = new Thread(() -> {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the JVM ended or did not start; its exit code and output say why
            }
        }, "checker-feed-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    /** A line longer than this is output, never a record (records are far shorter). */
    static final int MAX_RECORD_LINE = 1024 * 1024;

    /** Reads standard output line by line: signed records go to the channel, everything else to the capped output. */
    private static Thread drainLines(InputStream stream, CappedText into, ResultChannel channel) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            boolean overlong = false;
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    int from = 0;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            line.write(buffer, from, i + 1 - from);
                            from = i + 1;
                            byte[] bytes = line.toByteArray();
                            line.reset();
                            if (overlong || !channel.offer(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))) {
                                into.append(bytes, 0, bytes.length);
                            }
                            overlong = false;
                        }
                    }
                    line.write(buffer, from, read - from);
                    if (line.size() > MAX_RECORD_LINE) {
                        into.append(line.toByteArray(), 0, line.size());
                        line.reset();
                        overlong = true;
                    }
                }
                into.append(line.toByteArray(), 0, line.size());
            } catch (IOException ignored) {
                // the process is gone; what was read is kept
            }
        }, "checker-drain-results");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void join(Thread reader) {
        try {
            // A grandchild may still hold the pipe open; what it prints later is not wanted.
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The environment a test JVM gets: enough to find Java, Docker and the backend; no CI secrets. */
    public static Map<String, String> environment() {
        Map<String, String> kept = new java.util.TreeMap<>();
        System.getenv().forEach((name, value) -> {
            boolean wanted = (name.startsWith("WORKBOOK_") && !name.equals("WORKBOOK_CHECKER_ROOT")) || name.startsWith("DOCKER_") || name.startsWith("TESTCONTAINERS_")
                    || name.startsWith("LC_") || Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ", "TMPDIR", "JAVA_HOME",
                    "XDG_RUNTIME_DIR", "SystemRoot", "TEMP", "TMP").contains(name);
            if (wanted) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
