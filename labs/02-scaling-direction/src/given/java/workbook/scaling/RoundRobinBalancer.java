package workbook.scaling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A layer-7 load balancer on a loopback port: forwards each request to the next instance in turn.
 * An instance that refuses the connection (stopped) is skipped and the next one tried, as a balancer's
 * passive health check would.
 */
public final class RoundRobinBalancer implements AutoCloseable {
    /** Headers passed through in each direction; the rest is hop-by-hop or not needed here. */
    private static final Set<String> REQUEST_HEADERS = Set.of("Cookie", "Content-Type");
    private static final Set<String> RESPONSE_HEADERS = Set.of("Set-Cookie", "Content-Type", ProfileApp.SERVED_BY);

    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService threads;

    private RoundRobinBalancer(List<URI> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a balancer needs at least one instance");
        }
        this.instances = List.copyOf(instances);
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "balancer");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(threads).build();
        this.server = Http.loopbackServer();
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    public static RoundRobinBalancer start(List<URI> instances) {
        return new RoundRobinBalancer(instances);
    }

    public URI uri() {
        return Http.uri(server);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        for (int attempt = 0; attempt < instances.size(); attempt++) {
            URI instance = instances.get((first + attempt) % instances.size());
            try {
                HttpResponse<byte[]> response = client.send(copy(exchange, instance, body), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (RESPONSE_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                    }
                });
                byte[] answer = response.body();
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            } catch (IOException unreachable) {
                // stopped or unreachable: try the next instance
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Http.respond(exchange, 502, "{\"error\":\"no instance answered\"}");
    }

    private static HttpRequest copy(HttpExchange exchange, URI instance, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (REQUEST_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
