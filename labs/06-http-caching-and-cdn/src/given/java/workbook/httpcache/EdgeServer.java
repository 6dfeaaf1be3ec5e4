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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plumbing of an edge: a real HTTP server on loopback in front of an upstream (the origin, or a
 * shield), an HTTP client for the upstream, and a count of the requests it received. Every request
 * goes to {@link #serve}, which decides what to answer; an {@link IOException} from it (the upstream
 * is unreachable) becomes a {@code 502}. Given: {@link Edge} writes {@code serve} (Tasks 3 to 6).
 */
public abstract class EdgeServer implements AutoCloseable {
    /** The response header that says what the cache did: HIT, MISS, STALE or REVALIDATED. */
    public static final String CACHE_STATUS = "X-Cache";

    /** Headers the JDK client sets itself, hop-by-hop headers, and the client's own conditionals. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "keep-alive", "transfer-encoding", "if-none-match", "if-modified-since");
    /** Hop-by-hop headers, and the ones each cache sets for itself. */
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "date", "keep-alive",
            "transfer-encoding", "age", CACHE_STATUS.toLowerCase());

    private final String name;
    private final URI upstream;
    /** The edge's time: the tests' MutableClock. */
    protected final Clock clock;
    /** Threads of the server, of the client, and for work in the background. */
    protected final ExecutorService threads = Loopback.threads("edge");
    private final HttpClient client;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;

    protected EdgeServer(String name, URI upstream, Clock clock) {
        this.name = name;
        this.upstream = upstream;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(threads).build();
    }

    /** Opens the edge's port, once it is fully constructed, and returns it. */
    protected static <E extends EdgeServer> E listen(E edge) {
        ((EdgeServer) edge).open();
        return edge;
    }

    private void open() {
        try {
            server = Loopback.start(this::handle, threads);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new IllegalStateException("could not open a loopback port for edge " + name, e);
        }
    }

    /** What to answer to one request of a client. */
    protected abstract Answer serve(EdgeRequest request) throws IOException;

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public String name() {
        return name;
    }

    /** Requests this edge has received from its clients. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * Sends {@code request} to the upstream with the client's headers (except hop-by-hop ones and the
     * client's own conditionals) plus {@code extraHeaders}, and returns the whole response.
     */
    protected final HttpResponse<byte[]> fetch(EdgeRequest request, Map<String, String> extraHeaders) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.uri().toString()))
                .timeout(Duration.ofSeconds(5))
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        request.headers().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase())) {
                values.forEach(value -> builder.header(header, value));
            }
        });
        extraHeaders.forEach(builder::header);
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        }
    }

    /**
     * The headers of an upstream response that go back to the client: all but the hop-by-hop ones,
     * {@code X-Cache} and {@code Age} (a cache says how old its copy is itself). Case-insensitive, and
     * free to change.
     */
    protected static Map<String, List<String>> returned(HttpHeaders headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((header, values) -> {
            if (!NOT_RETURNED.contains(header.toLowerCase()) && !header.startsWith(":")) {
                copy.put(header, values);
            }
        });
        return copy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            EdgeRequest request = EdgeRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders());
            Answer answer;
            try {
                answer = serve(request);
            } catch (IOException e) {
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
}
