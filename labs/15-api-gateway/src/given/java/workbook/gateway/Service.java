package workbook.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A downstream service on loopback behind the gateway. It records every request it receives (path
 * with query, X-Request-Id, X-Subject) and answers 200 with {"service":"name","path":"/..."}, or the
 * status NNN for a path {@code /status/NNN} (a service that fails).
 */
public final class Service implements AutoCloseable {
    /** What the service saw of one request. */
    public record Seen(String path, String requestId, String subject) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private Service(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String full = query == null ? path : path + "?" + query;
            seen.add(new Seen(full, exchange.getRequestHeaders().getFirst(RequestIds.HEADER),
                    exchange.getRequestHeaders().getFirst("X-Subject")));
            byte[] body = ("{\"service\":\"" + name + "\",\"path\":\"" + full.replace("\"", "%22") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public static Service start(String name) throws IOException {
        return new Service(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** How many requests reached this service. */
    public int requests() {
        return seen.size();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
