package workbook.labkit.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stops a server process when the JVM that started it dies, however it dies.
 * <p>
 * A shutdown hook stops the embedded servers when the JVM exits normally, but nothing runs when the
 * JVM is killed outright: an IDE's stop button, {@code kill -9}, a mutation tester ending a test JVM
 * whose mutant hangs, {@code Runtime.halt}. PostgreSQL (started by {@code pg_ctl}, which detaches it)
 * and redis-server would then keep running, holding ports and memory. So each server gets a tiny
 * {@code sh} process that reads a pipe whose other end only this JVM holds. The operating system
 * closes that end when the JVM is gone, for any reason, and the watchdog then signals the server:
 * first a clean stop, then, if it is still there after ten seconds, a forceful one, and once it is gone
 * removes the files the server leaves behind (a PostgreSQL data directory is about 40 MB; a mutation
 * run that kills hundreds of JVMs would otherwise fill the disk).
 * <p>
 * No polling of process ids, so a reused id cannot fool it. When the JVM stops the server itself,
 * it calls the watchdog off first ({@link #close()}).
 */
final class ServerWatchdog implements AutoCloseable {
    /** $1 the server's pid, $2 the signal for a clean stop, $3 the signal if that did not work, then the paths to remove. */
    private static final String SCRIPT = """
            while read -r _; do :; done
            if kill -s "$2" "$1" 2>/dev/null; then
              for _ in 1 2 3 4 5 6 7 8 9 10; do
                kill -0 "$1" 2>/dev/null || break
                sleep 1
              done
              kill -s "$3" "$1" 2>/dev/null && sleep 1
            fi
            shift 3
            [ "$#" -eq 0 ] || rm -rf -- "$@"
            """;

    /**
     * $1 a PostgreSQL data directory, then other paths to remove. The watchdog starts before the
     * server, because a JVM can be killed while the server starts (a mutation tester's time-out under
     * load): it finds the server by the pid file the postmaster writes into its directory, and signals
     * that process only if it is a postgres serving this directory (a pid file left by a crash may name
     * a reused id). A directory that is already gone means the server was stopped: nothing to wait for.
     */
    private static final String POSTGRES_SCRIPT = """
            while read -r _; do :; done
            for _ in 1 2 3 4 5 6 7 8 9 10; do
              [ -d "$1" ] || break
              [ -f "$1/postmaster.pid" ] && break
              sleep 1
            done
            pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ] && ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$1" && kill -s INT "$pid" 2>/dev/null; then
              for _ in 1 2 3 4 5 6 7 8 9 10; do
                kill -0 "$pid" 2>/dev/null || break
                sleep 1
              done
              kill -s QUIT "$pid" 2>/dev/null && sleep 1
            fi
            rm -rf -- "$@"
            """;

    private final Process watchdog;

    private ServerWatchdog(Process watchdog) {
        this.watchdog = watchdog;
    }

    /**
     * Watches over the server with the given process id.
     *
     * @param cleanStop the signal that makes the server shut down cleanly ({@code INT} for PostgreSQL's
     *                  fast shutdown, {@code TERM} for Redis)
     * @param forceStop the signal sent if it is still running ten seconds later
     * @param leftBehind files and directories to remove once the server is gone (its data directory)
     */
    static ServerWatchdog watch(long serverPid, String cleanStop, String forceStop, Path... leftBehind) {
        List<String> arguments = new ArrayList<>(List.of(Long.toString(serverPid), cleanStop, forceStop));
        Arrays.stream(leftBehind).map(Path::toString).forEach(arguments::add);
        return start(SCRIPT, arguments, "server process " + serverPid);
    }

    /**
     * Watches over the PostgreSQL server that is about to start on {@code dataDirectory}: call it before
     * the server starts. Once the JVM is gone it stops that server, then removes the directory and
     * {@code alsoLeftBehind} (a standby's log file).
     */
    static ServerWatchdog watchPostgres(Path dataDirectory, Path... alsoLeftBehind) {
        List<String> arguments = new ArrayList<>(List.of(dataDirectory.toString()));
        Arrays.stream(alsoLeftBehind).map(Path::toString).forEach(arguments::add);
        return start(POSTGRES_SCRIPT, arguments, "the PostgreSQL server of " + dataDirectory);
    }

    private static ServerWatchdog start(String script, List<String> arguments, String what) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "labkit-watchdog"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // stdin stays a pipe from this JVM: its end of file is the JVM's death.
        try {
            return new ServerWatchdog(builder.start());
        } catch (IOException e) {
            throw new InfrastructureException("Could not start the watchdog that stops " + what
                    + " when this JVM dies.", "check that sh is on the PATH.", e);
        }
    }

    /** This JVM stops the server itself: the watchdog leaves without signalling or removing anything. */
    @Override
    public void close() {
        watchdog.destroy();
    }
}
