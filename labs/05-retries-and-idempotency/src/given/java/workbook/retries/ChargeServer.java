package workbook.retries;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code POST /v1/charges} on a real HTTP server on 127.0.0.1, answered by a {@link ChargeEndpoint}. */
public final class ChargeServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requestsSeen = new AtomicInteger();

    private ChargeServer(ChargeEndpoint endpoint) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/v1/charges", exchange -> handle(exchange, endpoint));
        server.start();
    }

    public static ChargeServer start(ChargeEndpoint endpoint) throws IOException {
        return new ChargeServer(endpoint);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requestsSeen() {
        return requestsSeen.get();
    }

    private void handle(HttpExchange exchange, ChargeEndpoint endpoint) throws IOException {
        try (exchange) {
            requestsSeen.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply = exchange.getRequestMethod().equals("POST")
                    ? endpoint.charge(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key")), body)
                    : ChargeReplies.badRequest("use POST");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
