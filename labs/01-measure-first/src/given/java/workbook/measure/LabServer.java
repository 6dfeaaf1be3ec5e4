package workbook.measure;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port (the JDK's {@code com.sun.net.httpserver}) with a fixed
 * number of worker threads: at most {@code workers} requests are handled at once, the others wait in
 * line. Each route runs a piece of {@link Work} and answers 200 "ok" (500 when the work throws).
 * Given.
 */
public final class LabServer implements AutoCloseable {

    /** What a route does for one request, on the worker thread that handles it. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService workers;

    private LabServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static LabServer start(int workers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        server.setExecutor(pool);
        server.start();
        return new LabServer(server, pool);
    }

    /** Adds a route; the filters run around the work, on the same worker thread. */
    public LabServer route(String path, Work work, Filter... filters) {
        HttpContext context = server.createContext(path, exchange -> answer(exchange, work));
        context.getFilters().addAll(java.util.List.of(filters));
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Work work) throws IOException {
        int status = 200;
        try {
            work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
        } catch (Exception e) {
            status = 500;
        }
        byte[] body = (status == 200 ? "ok" : "error").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
