package workbook.loadbalancing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A layer 7 load balancer: an HTTP reverse proxy on loopback. For each request it finds the pool
 * ({@link Routes}), lets the pool's balancer choose a server, forwards the request with
 * {@link HttpClient} and copies the response back.
 * <p>
 * Around each forwarded request it keeps the books the algorithms and the health checks rely on:
 * the server's active-connection count (without it least connections is blind), and the success or
 * failure of the attempt (passive health checks). A failed idempotent request is retried once on
 * another server; a failed POST is not, because the server may have acted on it before failing.
 */
public final class ReverseProxy implements AutoCloseable {
    /** The path the proxy probes on an ejected server; any answer below 500 readmits it. */
    public static final String HEALTH_PATH = "/health";

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final int ATTEMPTS_FOR_IDEMPOTENT = 2;
    // Headers that belong to one connection, or that HttpClient sets itself and refuses to copy.
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(5);

    private final Routes routes;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService prober;
    private final HttpClient client;

    private ReverseProxy(Routes routes, Duration probeInterval) throws IOException {
        this.routes = routes;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.handlers = Executors.newFixedThreadPool(64, daemon("proxy-handler"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(handlers);
        this.server.start();
        this.prober = Executors.newSingleThreadScheduledExecutor(daemon("proxy-prober"));
        long every = probeInterval.toMillis();
        this.prober.scheduleWithFixedDelay(this::probeEjectedServers, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts a proxy on a free loopback port that probes ejected servers every 200 ms. */
    public static ReverseProxy start(Routes routes) {
        return start(routes, Duration.ofMillis(200));
    }

    public static ReverseProxy start(Routes routes, Duration probeInterval) {
        try {
            return new ReverseProxy(routes, probeInterval);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the reverse proxy on loopback: " + e.getMessage(), e);
        }
    }

    /** Where clients send their requests, such as {@code http://127.0.0.1:54321}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
            String path = exchange.getRequestURI().getPath();
            Optional<Pool> routed = routes.poolFor(host, path);
            if (routed.isEmpty()) {
                respond(exchange, 404, "404 Not Found: no route for host '" + host + "' and path '" + path + "'\n");
                return;
            }
            Pool pool = routed.get();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            int attempts = IDEMPOTENT_METHODS.contains(method) ? ATTEMPTS_FOR_IDEMPOTENT : 1;
            String clientKey = exchange.getRemoteAddress().getAddress().getHostAddress();

            List<Server> tried = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            while (tried.size() < attempts) {
                List<Server> candidates = new ArrayList<>(pool.available());
                candidates.removeAll(tried); // a retry goes to another server, never the one that just failed
                if (candidates.isEmpty()) {
                    break;
                }
                Server target = pool.balancer().pick(candidates, clientKey);
                tried.add(target);
                HttpResponse<byte[]> response;
                target.connectionOpened();
                try {
                    response = forward(exchange, method, body, host, target);
                } catch (IOException e) {
                    pool.recordFailure(target);
                    errors.add(target.name() + ": " + describe(e));
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    respond(exchange, 502, "502 Bad Gateway: interrupted while waiting for " + target.name() + "\n");
                    return;
                } finally {
                    target.connectionClosed();
                }
                pool.recordSuccess(target);
                relay(exchange, response);
                return;
            }
            respond(exchange, 502, tried.isEmpty()
                    ? "502 Bad Gateway: every server of pool '" + pool.name() + "' is down (ejected by health checks)\n"
                    : "502 Bad Gateway: pool '" + pool.name() + "' failed: " + String.join("; ", errors) + "\n");
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String method, byte[] body, String host, Server target)
            throws IOException, InterruptedException {
        URI incoming = exchange.getRequestURI();
        URI upstream = target.address().resolve(incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream)
                .timeout(UPSTREAM_TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Host", host);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Task 5: sends a probe to every ejected server; one that answers is readmitted. */
    private void probeEjectedServers() {
        for (Pool pool : routes.pools()) {
            for (Server server : pool.ejected()) {
                HttpRequest probe = HttpRequest.newBuilder(server.address().resolve(HEALTH_PATH))
                        .timeout(Duration.ofSeconds(1)).GET().build();
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                        pool.recordSuccess(server);
                    }
                } catch (IOException e) {
                    // still down: stay ejected and try again at the next probe
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        prober.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
