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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An instance with an I/O-bound endpoint: {@code GET /work} calls a downstream service and waits for
 * it, like an API that waits on its database. The instance has {@code workers} threads, its whole
 * capacity: each request holds one of them for as long as the downstream takes.
 */
public final class WorkerApp implements AutoCloseable {
    private final String name;
    private final URI downstream;
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService workerPool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    private WorkerApp(String name, int workers, URI downstream) {
        if (workers < 1) {
            throw new IllegalArgumentException("an instance needs at least 1 worker, got " + workers);
        }
        this.name = name;
        this.downstream = downstream;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.server = Http.loopbackServer();
        server.createContext("/work", this::work);
        // A fixed pool: the instance serves exactly `workers` requests at once and queues the rest.
        // Without an executor, the JDK server runs every handler on its single dispatcher thread.
        this.workerPool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, name + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workerPool);
        server.start();
    }

    public static WorkerApp start(String name, int workers, URI downstream) {
        return new WorkerApp(name, workers, downstream);
    }

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
        workerPool.shutdownNow();
    }
}
