package workbook.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API gateway: one HTTP server on loopback, the single entry point in front of the services.
 * Every request goes through the same stages, in this order:
 * <ol>
 *   <li>correlation id ({@link RequestIds}, Task 3): echoed in the X-Request-Id response header;</li>
 *   <li>authentication ({@link Authenticator}, Task 2): 401 and no service called when refused;</li>
 *   <li>per-client limit ({@link ClientLimits}, Task 5): 429 with the RateLimit fields, no service called;</li>
 *   <li>an aggregate endpoint ({@link FanOut}, Task 4), or routing ({@link Routes}, Task 1) and forwarding.</li>
 * </ol>
 * It writes one log line per request ({@link #log()}).
 */
public final class Gateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Builder settings;
    private final Upstreams upstreams;
    private final FanOut fanOut;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Gateway(Builder settings) throws IOException {
        this.settings = settings;
        this.upstreams = new Upstreams(settings.services, settings.ids);
        this.fanOut = new FanOut(upstreams);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The gateway's log lines, oldest first. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = settings.ids.idFor(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
        if (id != null) {
            exchange.getResponseHeaders().set(RequestIds.HEADER, id);
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Reply reply;
        try {
            reply = process(exchange, id, path, query == null ? "" : "?" + query);
        } catch (RuntimeException e) {
            reply = error(id, 500, "gateway error: " + e);
        }
        // Logged before the answer leaves, so that a client that has its answer finds the line.
        log.add(settings.ids.logLine(id, exchange.getRequestMethod() + " " + path + " -> " + reply.status()));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** An answer, decided but not sent yet. */
    private record Reply(int status, String body) {
    }

    private Reply process(HttpExchange exchange, String id, String path, String query) {
        Principal principal;
        Decision decision;
        try {
            principal = settings.authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            decision = settings.limits.check(exchange.getRequestHeaders().getFirst("X-Api-Key"));
        } catch (Rejected rejected) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return error(id, 401, "unauthorized: " + rejected.getMessage());
        }
        if (decision.policy() != null) {
            // The fields of the IETF httpapi ratelimit-headers draft (-10): the plan, and what is left of it.
            exchange.getResponseHeaders().set("RateLimit-Policy",
                    "\"" + decision.policy() + "\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
            exchange.getResponseHeaders().set("RateLimit",
                    "\"" + decision.policy() + "\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        }
        if (!decision.allowed()) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(decision.resetSeconds()));
            return error(id, 429, "too many requests for plan " + decision.policy());
        }
        List<Part> parts = settings.aggregates.get(path);
        if (parts != null) {
            return aggregate(id, parts);
        }
        Optional<Target> target = settings.routes.route(exchange.getRequestHeaders().getFirst("Host"), path);
        if (target.isEmpty()) {
            return error(id, 404, "no route for " + path);
        }
        try {
            HttpResponse<String> response = upstreams.call(target.get().service(), target.get().path() + query, id,
                    principal, settings.forwardTimeout).get();
            return new Reply(response.statusCode(), response.body());
        } catch (ExecutionException failed) {
            int status = settings.routes.statusFor(failed.getCause());
            return error(id, status, "service " + target.get().service() + " failed: " + failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(id, 503, "gateway shutting down");
        }
    }

    private Reply aggregate(String id, List<Part> parts) {
        Aggregate result;
        try {
            result = fanOut.aggregate(parts, id);
        } catch (RequiredPartFailed failed) {
            return error(id, 504, failed.getMessage());
        } catch (CompletionException failed) {
            return error(id, 502, "a part failed: " + failed.getCause());
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode bodies = body.putObject("parts");
        result.bodies().forEach((name, json) -> bodies.set(name, parse(json)));
        body.put("partial", result.partial());
        result.missing().forEach(body.putArray("missing")::add);
        return new Reply(200, body.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private Reply error(String id, int status, String message) {
        return new Reply(status, settings.ids.errorBody(id, status, message));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The gateway's configuration; every stage defaults to letting everything through. */
    public static final class Builder {
        private final Map<String, URI> services = new LinkedHashMap<>();
        private final Map<String, List<Part>> aggregates = new LinkedHashMap<>();
        private Routes routes;
        private Authenticator authenticator = Authenticator.anonymous();
        private ClientLimits limits = ClientLimits.unlimited();
        private RequestIds ids = new CorrelationIds(() -> UUID.randomUUID().toString());
        private Duration forwardTimeout = Duration.ofSeconds(2);

        public Builder service(String name, URI uri) {
            services.put(name, uri);
            return this;
        }

        public Builder service(Service service) {
            return service(service.name(), service.uri());
        }

        public Builder routes(Routes routes) {
            this.routes = routes;
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        public Builder limits(ClientLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder ids(RequestIds ids) {
            this.ids = ids;
            return this;
        }

        /** How long the gateway waits for a service's answer when it forwards a request. */
        public Builder forwardTimeout(Duration timeout) {
            this.forwardTimeout = timeout;
            return this;
        }

        /** An aggregate endpoint: a GET of {@code path} calls every part and answers them together. */
        public Builder aggregate(String path, List<Part> parts) {
            aggregates.put(path, List.copyOf(parts));
            return this;
        }

        public Gateway start() throws IOException {
            if (routes == null) {
                throw new IllegalStateException("the gateway needs routes: call routes(...) before start()");
            }
            return new Gateway(this);
        }
    }
}
