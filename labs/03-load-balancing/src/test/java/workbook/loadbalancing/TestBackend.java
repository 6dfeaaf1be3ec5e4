package workbook.loadbalancing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real backend for the live tests: a JDK HTTP server on loopback that answers every request with
 * its own name and counts the requests it served ({@code /health} probes are answered but not
 * counted, so counts are client traffic only).
 */
final class TestBackend implements AutoCloseable {
    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "backend");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();

    private TestBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    static TestBackend start(String name) {
        try {
            return new TestBackend(name);
        } catch (IOException e) {
            throw new IllegalStateException("could not start test backend " + name, e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals(ReverseProxy.HEALTH_PATH)) {
                served.incrementAndGet();
                if (exchange.getRequestMethod().equals("POST")) {
                    posts.incrementAndGet();
                }
            }
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The address to reach this backend directly, without any proxy in between. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Requests served (not counting health probes). */
    int served() {
        return served.get();
    }

    int posts() {
        return posts.get();
    }

    void resetCounts() {
        served.set(0);
        posts.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
