package workbook.compute;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * The HTTP plumbing of Task 4's data service: {@code GET /orders/{id}} on a free loopback port,
 * answered by the function you give it, on up to 256 threads. Anything else gets 404.
 */
public final class DataServiceServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private DataServiceServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static DataServiceServer start(LongFunction<Reply> orderStatus) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            ExecutorService threads = Executors.newFixedThreadPool(256);
            server.setExecutor(threads);
            server.createContext("/orders/", exchange -> answer(exchange, orderStatus));
            server.start();
            return new DataServiceServer(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the data service on 127.0.0.1", e);
        }
    }

    private static void answer(HttpExchange exchange, LongFunction<Reply> orderStatus) throws IOException {
        Reply reply;
        try {
            long id = Long.parseLong(exchange.getRequestURI().getPath().substring("/orders/".length()));
            reply = orderStatus.apply(id);
        } catch (NumberFormatException e) {
            reply = Reply.notFound("no such path");
        } catch (RuntimeException e) {
            reply = Reply.error(e.toString());
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
