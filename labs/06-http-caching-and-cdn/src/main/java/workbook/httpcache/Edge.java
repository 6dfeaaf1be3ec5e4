package workbook.httpcache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared HTTP cache (an edge, or the shield when other edges point at it): a real HTTP server on
 * loopback in front of an upstream (the origin, or a shield). Every response carries
 * {@code X-Cache: HIT | MISS | STALE | REVALIDATED}. Time comes from the injected clock.
 *
 * <p>The starter is the CDN rule many shops begin with: "cache every GET for 60 seconds". It
 * ignores every header the origin sends (Tasks 3 to 6).
 */
public final class Edge implements AutoCloseable {
    public static final String CACHE_STATUS = "X-Cache";
    private static final Duration CACHE_EVERYTHING_FOR = Duration.ofSeconds(60);

    /** Headers the JDK client sets itself, hop-by-hop headers, and the client's own conditionals. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "keep-alive", "transfer-encoding", "if-none-match", "if-modified-since");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "date", "keep-alive",
            "transfer-encoding", CACHE_STATUS.toLowerCase());

    private final String name;
    private final URI upstream;
    private final Clock clock;
    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService threads = Executors.newCachedThreadPool(Edge::daemon);
    private final Map<String, Stored> store = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private record Stored(int status, Map<String, List<String>> headers, byte[] body, Instant storedAt) {
    }

    private Edge(String name, URI upstream, Clock clock) throws IOException {
        this.name = name;
        this.upstream = upstream;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(threads).build();
        this.server = Loopback.start(this::handle, threads);
    }

    /** Starts an edge named {@code name} (for messages) that fetches misses from {@code upstream}. */
    public static Edge start(String name, URI upstream, Clock clock) {
        try {
            return new Edge(name, upstream, clock);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback port for edge " + name, e);
        }
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public String name() {
        return name;
    }

    /** Requests this edge has received from its clients (given: for statistics and tests). */
    public long requests() {
        return requests.get();
    }

    /**
     * Task 6: removes every stored response (every variant) whose {@code Surrogate-Key} lists
     * {@code surrogateKey}; returns how many were removed.
     */
    public int purge(String surrogateKey) {
        throw new UnsupportedOperationException("Task 6: keep each stored response's Surrogate-Key tags and remove "
                + "every variant that carries this one");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            URI uri = exchange.getRequestURI();
            String key = CacheKey.of(uri);
            Instant now = clock.instant();
            Stored stored = store.get(key);
            String cacheStatus = "HIT";
            if (stored == null || !now.isBefore(stored.storedAt().plus(CACHE_EVERYTHING_FOR))) {
                cacheStatus = "MISS";
                try {
                    HttpResponse<byte[]> response = fetch(exchange);
                    stored = new Stored(response.statusCode(), response.headers().map(), response.body(), now);
                    if (exchange.getRequestMethod().equals("GET") && response.statusCode() == 200) {
                        store.put(key, stored);
                    }
                } catch (IOException e) {
                    byte[] body = ("edge " + name + ": upstream unreachable: " + e).getBytes();
                    stored = new Stored(502, Map.of(), body, now);
                }
            }
            stored.headers().forEach((header, values) -> {
                if (!NOT_RETURNED.contains(header.toLowerCase()) && !header.startsWith(":")) {
                    exchange.getResponseHeaders().put(header, values);
                }
            });
            exchange.getResponseHeaders().set(CACHE_STATUS, cacheStatus);
            boolean noBody = stored.status() == 304 || stored.body().length == 0;
            exchange.sendResponseHeaders(stored.status(), noBody ? -1 : stored.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(stored.body());
                }
            }
        }
    }

    private HttpResponse<byte[]> fetch(HttpExchange exchange) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(5))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
        exchange.getRequestHeaders().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase())) {
                values.forEach(value -> builder.header(header, value));
            }
        });
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + exchange.getRequestURI(), e);
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "edge");
        thread.setDaemon(true);
        return thread;
    }
}
