package workbook.pooling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server for {@code GET /quote?id=N} that takes its connections from a {@link ConnectionPool}.
 * A pool that cannot hand out a connection in time ({@link SQLTransientConnectionException}) becomes
 * {@code 503 Service Unavailable} with {@code Retry-After: 1}; any other database error (such as
 * PostgreSQL's "sorry, too many clients already", SQLSTATE 53300) becomes a 500 whose body starts with
 * the SQLSTATE.
 */
public final class QuoteServer implements AutoCloseable {
    public static final String RETRY_AFTER_SECONDS = "1";

    private final HttpServer server;
    private final ExecutorService threads;

    private QuoteServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts the server on a free local port; each request holds its connection for {@code timeInDatabase}. */
    public static QuoteServer start(ConnectionPool pool, Duration timeInDatabase) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "quote-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/quote", exchange -> answer(exchange, pool, timeInDatabase));
        server.start();
        return new QuoteServer(server, threads);
    }

    private static void answer(HttpExchange exchange, ConnectionPool pool, Duration timeInDatabase) throws IOException {
        try (exchange) {
            long productId = Long.parseLong(exchange.getRequestURI().getQuery().replace("id=", ""));
            try (Connection connection = pool.borrow()) {
                Quote quote = Prices.read(connection, productId, timeInDatabase);
                send(exchange, 200, Long.toString(quote.priceCents()));
            } catch (SQLTransientConnectionException busy) {
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
                send(exchange, 503, busy.getMessage());
            } catch (SQLException failed) {
                send(exchange, 500, failed.getSQLState() + " " + failed.getMessage());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
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
