package workbook.restapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 server on 127.0.0.1 (the JDK's {@code HttpServer}) in front of an {@link ApiHandler}.
 * It does the plumbing: reads the request, takes the user from the {@code X-User} header (401 without
 * one: authentication is lab 15's subject), answers {@code HEAD} as {@code GET} without the body, and
 * writes the response. Everything else, every status code included, is the handler's.
 */
public final class BookmarkServer implements AutoCloseable {
    public static final String USER_HEADER = "X-User";
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requestsSeen = new AtomicInteger();
    private final AtomicInteger requestsAnswered = new AtomicInteger();

    private BookmarkServer(ApiHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    public static BookmarkServer start(ApiHandler handler) throws IOException {
        return new BookmarkServer(handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Requests that reached the server, answered or not. */
    public int requestsSeen() {
        return requestsSeen.get();
    }

    /** Requests the handler has finished with (the response written, or the connection found gone). */
    public int requestsAnswered() {
        return requestsAnswered.get();
    }

    private void serve(HttpExchange exchange, ApiHandler handler) throws IOException {
        try (exchange) {
            requestsSeen.incrementAndGet();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            ApiResponse response;
            try {
                response = answer(exchange, handler, head);
            } catch (RuntimeException e) {
                response = Problem.of(500, "the server failed: " + e).toResponse();
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = head || body.length == 0 || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                exchange.getResponseBody().write(body);
            }
        } finally {
            requestsAnswered.incrementAndGet();
        }
    }

    private static ApiResponse answer(HttpExchange exchange, ApiHandler handler, boolean head) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        String user = exchange.getRequestHeaders().getFirst(USER_HEADER);
        if (user == null || user.isBlank()) {
            return Problem.of(401, "send the header " + USER_HEADER + " with your user name").toResponse();
        }
        URI uri = exchange.getRequestURI();
        return handler.handle(new ApiRequest(head ? "GET" : exchange.getRequestMethod(), uri.getRawPath(),
                query(uri.getRawQuery()), headers, body, user));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
