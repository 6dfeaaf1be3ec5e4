package workbook.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real layer-7 load balancer on loopback: every request asks the {@link Router} which version
 * serves it, is forwarded there with the JDK's HttpClient, and the answer goes back to the user with
 * the version's name in {@code X-Version}. A version that cuts the connection becomes a 502 for the
 * user, which is what a user sees when a deploy stops a server under them.
 */
public final class LoadBalancer implements AutoCloseable {
    public static final String USER_HEADER = "X-User";
    public static final String VERSION_HEADER = "X-Version";

    private final Router router;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "load-balancer");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final AtomicInteger failures = new AtomicInteger();

    private LoadBalancer(Router router) throws IOException {
        this.router = router;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
        server.start();
    }

    public static LoadBalancer start(Router router) {
        try {
            return new LoadBalancer(router);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the load balancer on loopback: " + e, e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers with a status of 500 or more that users received. */
    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String user = exchange.getRequestHeaders().getFirst(USER_HEADER);
            ServiceVersion version = router.begin(user == null ? "anonymous" : user);
            int status;
            String body;
            try {
                HttpResponse<String> answer = upstream.send(
                        HttpRequest.newBuilder(version.uri().resolve(exchange.getRequestURI().getPath()))
                                .timeout(Duration.ofSeconds(25)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                body = answer.body();
            } catch (IOException e) {
                status = 502;
                body = "version " + version.name() + " failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
                body = "load balancer shutting down";
            }
            router.end(version, status);
            if (status >= 500) {
                failures.incrementAndGet();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set(VERSION_HEADER, version.name());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
