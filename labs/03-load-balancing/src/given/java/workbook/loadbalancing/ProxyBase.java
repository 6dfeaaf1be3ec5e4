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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The given part of {@link ReverseProxy}: the HTTP server on loopback, the {@link HttpClient} that
 * forwards requests, the timer that runs the probes, and the helpers that forward a request, copy a
 * response back and answer with an error. {@link ReverseProxy} writes what happens to each request
 * ({@link #handle}) and the probes ({@link #probeEjectedServers}).
 */
public abstract class ProxyBase implements AutoCloseable {
    /** The path the proxy probes on an ejected server; any answer below 500 readmits it. */
    public static final String HEALTH_PATH = "/health";

    // Headers that belong to one connection, or that HttpClient sets itself and refuses to copy.
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(5);

    /** A client's request, read once: the proxy may send it to more than one server. */
    protected record Incoming(String host, String path, String method, byte[] body, String clientKey) {
    }

    protected final Routes routes;
    protected final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ExecutorService handlers = Executors.newFixedThreadPool(64, daemon("proxy-handler"));
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(daemon("proxy-prober"));
    private HttpServer server;

    protected ProxyBase(Routes routes) {
        this.routes = routes;
    }

    /** Starts a proxy on a free loopback port that probes ejected servers every 200 ms. */
    public static ReverseProxy start(Routes routes) {
        return start(routes, Duration.ofMillis(200));
    }

    public static ReverseProxy start(Routes routes, Duration probeInterval) {
        ReverseProxy proxy = new ReverseProxy(routes);
        try {
            ((ProxyBase) proxy).listen(probeInterval);
        } catch (IOException e) {
            proxy.close();
            throw new IllegalStateException("could not start the reverse proxy on loopback: " + e.getMessage(), e);
        }
        return proxy;
    }

    private void listen(Duration probeInterval) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::serve);
        server.setExecutor(handlers);
        server.start();
        long every = probeInterval.toMillis();
        prober.scheduleWithFixedDelay(this::probeEjectedServers, every, every, TimeUnit.MILLISECONDS);
    }

    /** Where clients send their requests, such as {@code http://127.0.0.1:54321}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
            handle(exchange, new Incoming(host, exchange.getRequestURI().getPath(),
                    exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestBody().readAllBytes(),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
        }
    }

    /**
     * Answers one request: find its pool, choose a server, forward, and answer the client through
     * {@code exchange} (with {@link #relay} or {@link #respond}). The exchange is closed afterwards.
     */
    protected abstract void handle(HttpExchange exchange, Incoming request) throws IOException;

    /** Runs every probe interval on the proxy's timer thread. */
    protected abstract void probeEjectedServers();

    /**
     * Sends the request to {@code target} (same method, path, query, headers and body, plus
     * X-Forwarded-For and X-Forwarded-Host) and returns its answer. Throws when the server cannot be
     * reached or takes longer than 5 s.
     */
    protected HttpResponse<byte[]> forward(HttpExchange exchange, Incoming request, Server target)
            throws IOException, InterruptedException {
        URI incoming = exchange.getRequestURI();
        URI upstream = target.address().resolve(incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        byte[] body = request.body();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(upstream)
                .timeout(UPSTREAM_TIMEOUT)
                .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forwarded.header(name, value));
            }
        });
        forwarded.header("X-Forwarded-For", request.clientKey());
        forwarded.header("X-Forwarded-Host", request.host());
        return client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Copies a server's answer (status, headers, body) back to the client. */
    protected static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    /** Answers the client from the proxy itself, with a plain-text message. */
    protected static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** "ConnectException (Connection refused)": an error short enough for a 502 message. */
    protected static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        prober.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }
}
