package workbook.failing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The service under test: a real HTTP server on 127.0.0.1 with a bounded pool of workers, the way a
 * servlet container or a Node process with a connection pool is bounded.
 * <ul>
 *   <li>{@code GET /home?user=U} calls the recommendations service;</li>
 *   <li>{@code GET /payments/ID} calls the payments service;</li>
 *   <li>{@code GET /health} calls nothing.</li>
 * </ul>
 * Every request waits in one queue for a worker and runs on it. The parts you write plug in through
 * the {@link Builder}: the {@link DependencyClient}s (with or without timeouts), a {@link Bulkhead} per
 * dependency, a {@link LoadShedder} at the front door (it sees a request before it joins the queue),
 * and {@link DegradedRecommendations} for {@code /home}. A part left out is simply not used.
 * A dependency that fails answers 502; a full bulkhead answers 503.
 */
public final class Storefront implements AutoCloseable {
    private final Builder parts;
    private final HttpServer server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final ExecutorService workers;

    private Storefront(Builder parts) throws IOException {
        this.parts = parts;
        this.workers = Executors.newFixedThreadPool(parts.workers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(connections);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder(int workers) {
        return new Builder(workers);
    }

    /** The storefront's base URI, e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI uri(String pathAndQuery) {
        return uri().resolve(pathAndQuery);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Supplier<Response> queued = () -> onWorker(uri);
            Response response = parts.frontDoor == null ? queued.get() : parts.frontDoor.serve(queued);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientLeft) {
            // The client gave up before the answer was ready: the work was done for nobody.
        }
    }

    /** Joins the queue, waits for a worker, and answers what the worker computed. */
    private Response onWorker(URI uri) {
        Future<Response> work = workers.submit(() -> route(uri));
        try {
            return work.get();
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return Response.of(503, "shutting down");
        } catch (ExecutionException e) {
            return Response.of(500, String.valueOf(e.getCause()));
        }
    }

    private Response route(URI uri) {
        String path = uri.getPath();
        try {
            if (path.equals("/health")) {
                return Response.of(200, "ok");
            }
            if (path.startsWith("/payments/")) {
                String id = path.substring("/payments/".length());
                return Response.of(200, guarded(parts.paymentsBulkhead, () -> parts.payments.get("/payments/" + id)));
            }
            if (path.equals("/home")) {
                String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
                String user = query.startsWith("user=") ? query.substring("user=".length()) : "anonymous";
                return Response.of(200, home(user).toJson());
            }
            return Response.of(404, "no such page");
        } catch (BulkheadFullException e) {
            return Response.of(503, e.getMessage());
        } catch (DependencyException e) {
            return Response.of(502, e.getMessage());
        }
    }

    private Recommendations home(String user) {
        if (parts.home != null) {
            return parts.home.forUser(user);
        }
        String line = guarded(parts.recommendationsBulkhead, () -> parts.recommendations.get("/recommendations?user=" + user));
        return new Recommendations(List.of(line.split(",")), Recommendations.Source.LIVE);
    }

    private static <T> T guarded(Bulkhead bulkhead, Supplier<T> call) {
        return bulkhead == null ? call.get() : bulkhead.call(call);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        connections.shutdownNow();
    }

    /** The storefront's parts; only {@code workers} is required. */
    public static final class Builder {
        private final int workers;
        private DependencyClient recommendations;
        private DependencyClient payments;
        private Bulkhead recommendationsBulkhead;
        private Bulkhead paymentsBulkhead;
        private LoadShedder frontDoor;
        private DegradedRecommendations home;

        private Builder(int workers) {
            this.workers = workers;
        }

        public Builder recommendations(DependencyClient client) {
            this.recommendations = client;
            return this;
        }

        public Builder payments(DependencyClient client) {
            this.payments = client;
            return this;
        }

        /** Calls to recommendations and to payments each go through their own bulkhead. */
        public Builder bulkheads(Bulkhead forRecommendations, Bulkhead forPayments) {
            this.recommendationsBulkhead = forRecommendations;
            this.paymentsBulkhead = forPayments;
            return this;
        }

        /** Every request passes the load shedder before it joins the queue for a worker. */
        public Builder frontDoor(LoadShedder shedder) {
            this.frontDoor = shedder;
            return this;
        }

        /** {@code /home} asks this for its recommendations instead of calling the service itself. */
        public Builder home(DegradedRecommendations recommendations) {
            this.home = recommendations;
            return this;
        }

        public Storefront start() throws IOException {
            return new Storefront(this);
        }
    }
}
