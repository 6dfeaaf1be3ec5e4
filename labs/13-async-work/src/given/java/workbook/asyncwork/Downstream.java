package workbook.asyncwork;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow service the signup depends on (the mailer, the audit log, the chat notifier): a real HTTP
 * server on 127.0.0.1 that answers {@code POST /} with 204 and counts the calls. The tests put it
 * behind a Toxiproxy proxy with latency, which is what makes it slow.
 */
public final class Downstream implements AutoCloseable {
    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicInteger calls = new AtomicInteger();

    private Downstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port for the " + name + " server", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    public static Downstream start(String name) {
        return new Downstream(name);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many calls this server has answered. */
    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
