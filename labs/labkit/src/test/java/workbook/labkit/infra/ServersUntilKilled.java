package workbook.labkit.infra;

import java.util.Map;

/**
 * The child JVM of {@link ServersDieWithTheirJvmTest}: starts the embedded PostgreSQL and
 * redis-server, prints their process ids on one line, then waits to be killed.
 */
public final class ServersUntilKilled {
    public static void main(String[] args) throws InterruptedException {
        EmbeddedBackend backend = new EmbeddedBackend();
        backend.postgres(Map.of());
        backend.redis();
        System.out.println("pids " + backend.serverPids().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
