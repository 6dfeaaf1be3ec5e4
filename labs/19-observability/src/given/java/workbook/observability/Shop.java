package workbook.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Three real services on loopback, each its own HTTP server: the gateway answers GET /checkout and
 * calls orders, orders answers GET /orders and calls inventory, inventory answers GET /stock with a
 * query on PostgreSQL. Every service takes the incoming {@code traceparent} with
 * {@link TraceParent#continueOrStart}, sends {@link TraceParent#format} of its own span downstream,
 * writes its log lines with {@link LogLines#json} and sends its spans to a {@link SpanCollector}.
 * Inventory also records a child span for its database query. (A real service would record a client
 * span for each outgoing call as well; the lab leaves those out to keep traces short.)
 */
public final class Shop implements AutoCloseable {
    public static final String GATEWAY = "gateway";
    public static final String ORDERS = "orders";
    public static final String INVENTORY = "inventory";
    public static final String QUERY_SPAN = "SELECT stock";

    private final IdSource ids;
    private final SpanCollector collector;
    private final DataSource inventoryDb;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<String>> logs = Map.of(
            GATEWAY, Collections.synchronizedList(new ArrayList<>()),
            ORDERS, Collections.synchronizedList(new ArrayList<>()),
            INVENTORY, Collections.synchronizedList(new ArrayList<>()));
    private final List<HttpServer> servers = new ArrayList<>();
    private URI gateway;

    private Shop(DataSource inventoryDb, IdSource ids, SpanCollector collector) {
        this.inventoryDb = inventoryDb;
        this.ids = ids;
        this.collector = collector;
    }

    /** Starts inventory (on {@code inventoryDb}), orders and the gateway, each on its own loopback port. */
    public static Shop start(DataSource inventoryDb, IdSource ids, SpanCollector collector) {
        Shop shop = new Shop(inventoryDb, ids, collector);
        URI inventory = shop.serve(INVENTORY, "/stock", shop::stock);
        URI orders = shop.serve(ORDERS, "/orders", (ctx, sku) -> shop.callDownstream(ctx, inventory.resolve("/stock?sku=" + sku)));
        shop.gateway = shop.serve(GATEWAY, "/checkout", (ctx, sku) -> shop.callDownstream(ctx, orders.resolve("/orders?sku=" + sku)));
        return shop;
    }

    /** Creates inventory's table with a few rows. */
    public static void createSchema(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS stock");
            s.execute("CREATE TABLE stock (sku text PRIMARY KEY, quantity int NOT NULL)");
            s.execute("INSERT INTO stock VALUES ('sku-1', 12), ('sku-2', 0), ('sku-3', 7)");
        }
    }

    /** What a caller gets back from the gateway. */
    public record Reply(int status, String body) {
    }

    /** GET /checkout?sku=... on the gateway, with a {@code traceparent} header when it is not null. */
    public Reply checkout(String sku, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/checkout?sku=" + sku)).timeout(Duration.ofSeconds(10));
        if (traceparent != null) {
            request.header(TraceParent.HEADER, traceparent);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The log lines a service has written so far (its standard output, one line per entry). */
    public List<String> logs(String service) {
        List<String> lines = logs.get(service);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        pool.shutdownNow();
    }

    private interface Work {
        Reply handle(SpanContext context, String sku) throws Exception;
    }

    private URI serve(String service, String path, Work work) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(pool);
            server.createContext(path, exchange -> handle(service, path, work, exchange));
            server.start();
            servers.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(String service, String path, Work work, HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String sku = exchange.getRequestURI().getQuery().replace("sku=", "");
        SpanContext context = TraceParent.continueOrStart(exchange.getRequestHeaders().getFirst(TraceParent.HEADER), ids);
        log(service, context, "GET " + path + " sku=" + sku);
        Reply reply;
        try {
            reply = work.handle(context, sku);
        } catch (Exception e) {
            reply = new Reply(500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long end = System.nanoTime();
        log(service, context, "answered " + reply.status() + " in " + (end - start) / 1_000_000 + " ms");
        collector.accept(new Span(context.traceId(), context.spanId(), context.parentSpanId(), service, "GET " + path,
                start, end, reply.status() >= 500));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply callDownstream(SpanContext context, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header(TraceParent.HEADER, TraceParent.format(context)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode() >= 500 ? 502 : response.statusCode(), response.body());
    }

    private Reply stock(SpanContext context, String sku) throws SQLException {
        SpanContext query = TraceParent.child(context, ids);
        long start = System.nanoTime();
        boolean failed = true;
        try (Connection c = inventoryDb.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT quantity FROM stock WHERE sku = ?")) {
            select.setString(1, sku);
            try (ResultSet rows = select.executeQuery()) {
                failed = false;
                return rows.next() ? new Reply(200, "{\"sku\":\"" + sku + "\",\"quantity\":" + rows.getInt(1) + "}")
                        : new Reply(404, "{\"error\":\"no such sku\"}");
            }
        } finally {
            long end = System.nanoTime();
            log(INVENTORY, query, QUERY_SPAN + " took " + (end - start) / 1_000_000 + " ms");
            collector.accept(new Span(query.traceId(), query.spanId(), query.parentSpanId(), INVENTORY, QUERY_SPAN, start, end, failed));
        }
    }

    private void log(String service, SpanContext context, String message) {
        logs.get(service).add(LogLines.json(clock.instant(), service, context, message));
    }
}
