package workbook.scaling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The given part of {@link WorkerApp}: the HTTP server, the {@code GET /work} endpoint that calls the
 * downstream and waits for it, and the count of requests in flight. {@link WorkerApp} writes only
 * {@link #workerPool}, the threads the server runs its requests on.
 */
public abstract class WorkerAppBase implements AutoCloseable {
    private final String name;
    private final int workers;
    private final URI downstream;
    private final HttpClient client;
    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private ExecutorService pool;

    protected WorkerAppBase(String name, int workers, URI downstream) {
        if (workers < 1) {
            throw new IllegalArgumentException("an instance needs at least 1 worker, got " + workers);
        }
        this.name = name;
        this.workers = workers;
        this.downstream = downstream;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.server = Http.loopbackServer();
        server.createContext("/work", this::work);
    }

    /** Starts an instance called {@code name} with {@code workers} threads, whose endpoint calls {@code downstream}. */
    public static WorkerApp start(String name, int workers, URI downstream) {
        WorkerApp app = new WorkerApp(name, workers, downstream);
        ((WorkerAppBase) app).listen();
        return app;
    }

    private void listen() {
        pool = workerPool(name, workers);
        server.setExecutor(pool); // null: the JDK default, the server's own dispatcher thread
        server.start();
    }

    /**
     * The threads the server runs its requests on, or null for the JDK default. Called once, when the
     * instance starts; the pool is shut down when the instance closes.
     */
    protected abstract ExecutorService workerPool(String name, int workers);

    public URI uri() {
        return Http.uri(server);
    }

    /** The most requests this instance has worked on at the same moment. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    private void work(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(downstream).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            exchange.getResponseHeaders().add(ProfileApp.SERVED_BY, name);
            Http.respond(exchange, answer.statusCode() == 200 ? 200 : 502, answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Http.respond(exchange, 503, "interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
