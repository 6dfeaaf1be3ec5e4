package workbook.httpcache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared HTTP cache (an edge, or the shield when other edges point at it): a real HTTP server on
 * loopback in front of an upstream (the origin, or a shield). Every response carries
 * {@code X-Cache: HIT | MISS | STALE | REVALIDATED}. Time comes from the injected clock.
 */
public final class Edge implements AutoCloseable {
    public static final String CACHE_STATUS = "X-Cache";

    /** Headers the JDK client sets itself, hop-by-hop headers, and the client's own conditionals. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "keep-alive", "transfer-encoding", "if-none-match", "if-modified-since");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "date", "keep-alive",
            "transfer-encoding", "age", CACHE_STATUS.toLowerCase());

    private final String name;
    private final URI upstream;
    private final Clock clock;
    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService threads = Executors.newCachedThreadPool(Edge::daemon);
    /** Cache key -> the stored variants of that URL (one per combination of Vary-ed request values). */
    private final Map<String, List<StoredResponse>> store = new ConcurrentHashMap<>();
    /** Cache key -> the upstream fetch under way: request collapsing. */
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    /** Variants being refreshed in the background (stale-while-revalidate): at most one refresh each. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    /** What the edge sends back to its client. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body, String cacheStatus) {
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
        int[] removed = {0};
        for (String key : store.keySet()) {
            store.computeIfPresent(key, (k, variants) -> {
                List<StoredResponse> kept = new ArrayList<>();
                for (StoredResponse variant : variants) {
                    if (variant.tags().contains(surrogateKey)) {
                        removed[0]++;
                    } else {
                        kept.add(variant);
                    }
                }
                return kept.isEmpty() ? null : List.copyOf(kept);
            });
        }
        return removed[0];
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            EdgeRequest request = EdgeRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders());
            Answer answer;
            try {
                answer = request.method().equals("GET") ? serve(request) : relay(fetch(request, null));
            } catch (IOException e) {
                // the upstream is unreachable and no stale copy may be served
                byte[] body = ("edge " + name + ": upstream unreachable: " + e).getBytes();
                answer = new Answer(502, Map.of("Content-Type", List.of("text/plain")), body, "MISS");
            }
            exchange.getResponseHeaders().putAll(answer.headers());
            exchange.getResponseHeaders().set(CACHE_STATUS, answer.cacheStatus());
            boolean noBody = answer.status() == 304 || answer.status() == 204 || answer.body().length == 0;
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private Answer serve(EdgeRequest request) throws IOException {
        Instant now = clock.instant();
        StoredResponse stored = lookup(request);
        if (stored != null && stored.isFresh(now)) {
            return answer(stored, now, "HIT");
        }
        if (stored != null && stored.staleAllowedBy("stale-while-revalidate", now)) {
            refreshInBackground(request, stored);
            return answer(stored, now, "STALE");
        }
        return fetchCollapsed(request, stored);
    }

    /**
     * Request collapsing: one upstream fetch per cache key at a time; the others wait for it and
     * then use what it stored. Requests with credentials never share a fetch: their answer may be
     * personal.
     */
    private Answer fetchCollapsed(EdgeRequest request, StoredResponse stored) throws IOException {
        if (request.hasAuthorization()) {
            return fetchAndStore(request, stored);
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> running = inFlight.putIfAbsent(request.key(), mine);
        if (running == null) {
            try {
                Answer answer = fetchAndStore(request, stored);
                mine.complete(answer);
                return answer;
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(request.key(), mine); // after storing: a late arrival finds the fresh copy
            }
        }
        running.handle((answer, error) -> null).join();
        Instant now = clock.instant();
        StoredResponse shared = lookup(request);
        if (shared != null && shared.isFresh(now)) {
            return answer(shared, now, "MISS");
        }
        // The fetch we waited for gave nothing we may use (another variant, or not storable).
        return fetchAndStore(request, shared);
    }

    /** Fetches from upstream (conditionally when a stored copy has validators), stores what may be stored. */
    private Answer fetchAndStore(EdgeRequest request, StoredResponse stored) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = fetch(request, stored);
        } catch (IOException e) {
            if (stored != null && stored.staleAllowedBy("stale-if-error", clock.instant())) {
                return answer(stored, clock.instant(), "STALE");
            }
            throw e;
        }
        Instant now = clock.instant();
        int status = response.statusCode();
        if (status == 304 && stored != null) {
            StoredResponse refreshed = stored.revalidated(response.headers(), now);
            put(request, refreshed);
            return answer(refreshed, now, "REVALIDATED");
        }
        if (status >= 500 && stored != null && stored.staleAllowedBy("stale-if-error", now)) {
            return answer(stored, now, "STALE");
        }
        if (StoredResponse.mayStore(request, status, response.headers())) {
            StoredResponse fresh = StoredResponse.of(request, status, response.headers(), response.body(), now);
            put(request, fresh);
            return answer(fresh, now, "MISS");
        }
        if (stored != null && status == 200) {
            remove(request, stored); // the origin no longer allows it to be kept
        }
        return relay(response);
    }

    /** stale-while-revalidate: one background refresh per variant, however many clients see it stale. */
    private void refreshInBackground(EdgeRequest request, StoredResponse stale) {
        String variant = request.key() + " " + stale.varyValues();
        if (!refreshing.add(variant)) {
            return;
        }
        threads.execute(() -> {
            try {
                fetchAndStore(request, stale);
            } catch (IOException | RuntimeException e) {
                // the stale copy stays; the next request after the window fetches in the foreground
            } finally {
                refreshing.remove(variant);
            }
        });
    }

    private HttpResponse<byte[]> fetch(EdgeRequest request, StoredResponse stored) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.uri().toString()))
                .timeout(Duration.ofSeconds(5))
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        request.headers().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase())) {
                values.forEach(value -> builder.header(header, value));
            }
        });
        if (stored != null && stored.etag() != null) {
            builder.header("If-None-Match", stored.etag());
        }
        if (stored != null && stored.lastModified() != null) {
            builder.header("If-Modified-Since", stored.lastModified());
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        }
    }

    private StoredResponse lookup(EdgeRequest request) {
        List<StoredResponse> variants = store.getOrDefault(request.key(), List.of());
        return variants.stream().filter(variant -> variant.matches(request)).findFirst().orElse(null);
    }

    private void put(EdgeRequest request, StoredResponse response) {
        store.compute(request.key(), (key, variants) -> {
            List<StoredResponse> updated = new ArrayList<>();
            if (variants != null) {
                variants.stream().filter(v -> !v.varyValues().equals(response.varyValues())).forEach(updated::add);
            }
            updated.add(response);
            return List.copyOf(updated);
        });
    }

    private void remove(EdgeRequest request, StoredResponse response) {
        store.computeIfPresent(request.key(), (key, variants) -> {
            List<StoredResponse> kept = variants.stream().filter(v -> !v.varyValues().equals(response.varyValues())).toList();
            return kept.isEmpty() ? null : kept;
        });
    }

    private static Answer answer(StoredResponse stored, Instant now, String cacheStatus) {
        Map<String, List<String>> headers = returned(stored.headers());
        headers.put("Age", List.of(Long.toString(stored.ageSeconds(now))));
        return new Answer(stored.status(), headers, stored.body(), cacheStatus);
    }

    private static Answer relay(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = returned(response.headers());
        response.headers().firstValue("Age").ifPresent(age -> headers.put("Age", List.of(age)));
        return new Answer(response.statusCode(), headers, response.body(), "MISS");
    }

    private static Map<String, List<String>> returned(HttpHeaders headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((header, values) -> {
            if (!NOT_RETURNED.contains(header.toLowerCase()) && !header.startsWith(":")) {
                copy.put(header, values);
            }
        });
        return copy;
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "edge");
        thread.setDaemon(true);
        return thread;
    }
}
