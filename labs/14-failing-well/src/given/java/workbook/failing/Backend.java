package workbook.failing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A dependency of the storefront: a real HTTP service on 127.0.0.1 that answers at once and counts
 * what it receives. The tests put a Toxiproxy proxy in front of it to make it slow or dead; the
 * service itself never is. Each request gets a thread of its own, so the backend is never the queue.
 */
public final class Backend implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;

    private Backend(String path, Function<String, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(path, exchange -> handle(exchange, answer));
        server.start();
    }

    /** Recommendations: {@code GET /recommendations?user=U} answers items as one comma-separated line. */
    public static Backend recommendations() throws IOException {
        return new Backend("/recommendations", query -> "book-for-" + query.substring(query.indexOf('=') + 1) + ",lamp,kettle");
    }

    /** Payments: {@code GET /payments/ID} answers {@code paid}. */
    public static Backend payments() throws IOException {
        return new Backend("/payments", query -> "paid");
    }

    /** From now on every request is answered with this status (200 by default; 500 makes the service fail fast). */
    public void answerWith(int status) {
        this.status = status;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far (a request slowed by a toxic on the way back counts as soon as it arrives). */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange, Function<String, String> answer) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = answer.apply(query == null ? "" : query).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
