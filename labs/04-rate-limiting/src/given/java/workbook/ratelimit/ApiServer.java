package workbook.ratelimit;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real API on 127.0.0.1 (the JDK's HTTP server) with a rate-limit filter in front of each
 * endpoint: {@code GET /orders} behind the API's policy and {@code POST /login} behind a stricter one.
 * It is complete; Task 5 is the {@link RateLimitFilter} it uses.
 */
public final class ApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger handled = new AtomicInteger();

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the API on a free port of 127.0.0.1, {@code api} in front of /orders and {@code login} in front of /login. */
    public static ApiServer start(RateLimitFilter api, RateLimitFilter login) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        ApiServer apiServer = new ApiServer(server, executor);
        HttpContext orders = server.createContext("/orders", exchange -> apiServer.respond(exchange, "GET", "{\"orders\":[]}"));
        orders.getFilters().add(api);
        HttpContext signIn = server.createContext("/login", exchange -> apiServer.respond(exchange, "POST", "{\"token\":\"t-123\"}"));
        signIn.getFilters().add(login);
        server.start();
        return apiServer;
    }

    private void respond(HttpExchange exchange, String method, String json) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals(method)) {
                send(exchange, 405, "{\"error\":\"use " + method + "\"}");
                return;
            }
            handled.incrementAndGet();
            send(exchange, 200, json);
        }
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** How many requests reached an endpoint; a request the filter refused never does. */
    public int requestsHandled() {
        return handled.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
