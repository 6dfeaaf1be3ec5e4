package workbook.httpcache;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The shop's origin: a real HTTP server on loopback serving the five kinds of {@link Content}. It
 * counts every request that reaches it, which is the load a cache in front of it is meant to save.
 * Given: the {@code Cache-Control} of every response comes from a policy ({@link CachePolicy}, Task 1),
 * and the validators and 304s of product pages and search from {@link ConditionalGet} (Task 2).
 */
public final class Origin implements AutoCloseable {
    /** Products 1..PRODUCTS exist. */
    public static final int PRODUCTS = 500;

    private final Clock clock;
    private final Function<Content, String> policy;
    private final HttpServer server;
    private final ExecutorService threads = Loopback.threads("origin");
    private final Map<Integer, Product> products = new ConcurrentHashMap<>();
    /** Every version of every asset ever deployed, by its versioned path: old pages still link to old versions. */
    private final Map<String, String> assetsByPath = new ConcurrentHashMap<>();
    private final Map<String, String> currentAssetPath = new ConcurrentHashMap<>();
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> fetchesByPath = new ConcurrentHashMap<>();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();

    /** A product's page changes when its version does; the version is known without rendering the page. */
    record Product(int id, int version, Instant updatedAt) {
        String etag() {
            return "\"product-" + id + "-v" + version + '"';
        }
    }

    private Origin(Clock clock, Function<Content, String> policy) throws IOException {
        this.clock = clock;
        this.policy = policy;
        Instant launch = clock.instant();
        for (int id = 1; id <= PRODUCTS; id++) {
            products.put(id, new Product(id, 1, launch));
        }
        deployAsset("app.js", "console.log('shop v1');");
        deployAsset("app.css", "body { font-family: sans-serif; }");
        server = Loopback.start(this::handle, threads);
    }

    /** An origin that sends the headers of {@link CachePolicy}. */
    public static Origin start(Clock clock) {
        return start(clock, CachePolicy::cacheControl);
    }

    /** An origin whose {@code Cache-Control} comes from {@code policy} ({@code null}: no header). */
    public static Origin start(Clock clock, Function<Content, String> policy) {
        try {
            return new Origin(clock, policy);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback port for the origin", e);
        }
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests that reached the origin, of any path. */
    public long fetches() {
        return fetches.get();
    }

    /** Requests that reached the origin for paths starting with {@code pathPrefix}. */
    public long fetches(String pathPrefix) {
        return fetchesByPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** Product pages and search results built: the expensive work behind a request. */
    public long renders() {
        return renders.get();
    }

    /** A seller edits product {@code id}: a new version, modified now. */
    public void updateProduct(int id) {
        products.computeIfPresent(id, (key, p) -> new Product(id, p.version() + 1, clock.instant()));
    }

    /** Deploys a new version of an asset and returns its content-hashed path, {@code /assets/app.3f2a9c1e.js}. */
    public String deployAsset(String name, String content) {
        int dot = name.lastIndexOf('.');
        String hash = fingerprint(content.getBytes(StandardCharsets.UTF_8));
        String path = "/assets/" + name.substring(0, dot) + "." + hash + name.substring(dot);
        assetsByPath.put(path, content);
        currentAssetPath.put(name, path);
        return path;
    }

    /** The path the current pages link to for an asset. */
    public String assetPath(String name) {
        return currentAssetPath.get(name);
    }

    /** A seller uploads (or replaces) a photo at {@code /images/seller-N/name.jpg}. */
    public void uploadImage(String path, byte[] bytes) {
        images.put(path, bytes.clone());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            fetches.incrementAndGet();
            fetchesByPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, null, "GET only");
            } else if (path.startsWith("/assets/")) {
                serveAsset(exchange, path);
            } else if (path.startsWith("/images/")) {
                serveImage(exchange, path);
            } else if (path.startsWith("/products/")) {
                Product product = parseId(path.substring("/products/".length()));
                if (product == null) {
                    send(exchange, 404, null, "no such product");
                } else {
                    serveProductPage(exchange, product);
                }
            } else if (path.equals("/dashboard")) {
                serveDashboard(exchange);
            } else if (path.equals("/search")) {
                serveSearch(exchange, queryParameter(exchange.getRequestURI(), "q"));
            } else {
                send(exchange, 404, null, "not found");
            }
        }
    }

    /** A product page: rendered only if {@link ConditionalGet#productPage} asks for the body. */
    private void serveProductPage(HttpExchange exchange, Product product) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        cacheControl(headers, Content.PRODUCT_PAGE);
        headers.set("Surrogate-Key", "product-" + product.id() + " products");
        Optional<String> page = ConditionalGet.productPage(product, exchange.getRequestHeaders(), headers,
                () -> renderProductPage(product));
        sendOrNotModified(exchange, "text/html", page);
    }

    /** Search results: always rendered first, since they have no version to compare without the body. */
    private void serveSearch(HttpExchange exchange, String query) throws IOException {
        String body = renderSearch(query);
        Headers headers = exchange.getResponseHeaders();
        cacheControl(headers, Content.SEARCH);
        headers.set("Surrogate-Key", "search");
        sendOrNotModified(exchange, "application/json", ConditionalGet.search(body, exchange.getRequestHeaders(), headers));
    }

    private static void sendOrNotModified(HttpExchange exchange, String type, Optional<String> body) throws IOException {
        if (body.isPresent()) {
            send(exchange, 200, type, body.get());
        } else {
            exchange.sendResponseHeaders(304, -1); // -1: a 304 has no body
        }
    }

    private String renderProductPage(Product product) {
        renders.incrementAndGet();
        return "<h1>Product " + product.id() + "</h1><p>version " + product.version() + "</p>";
    }

    private String renderSearch(String query) {
        renders.incrementAndGet();
        String q = query == null ? "" : query;
        StringBuilder json = new StringBuilder("{\"q\":\"").append(q.replaceAll("[^a-zA-Z0-9 ]", "")).append("\",\"results\":[");
        int first = Math.floorMod(q.hashCode(), PRODUCTS) + 1;
        for (int i = 0; i < 3; i++) {
            Product product = products.get((first + i - 1) % PRODUCTS + 1);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(product.id()).append(",\"v\":").append(product.version()).append('}');
        }
        return json.append("]}").toString();
    }

    private void serveAsset(HttpExchange exchange, String path) throws IOException {
        String content = assetsByPath.get(path);
        if (content == null) {
            send(exchange, 404, null, "no such asset version");
            return;
        }
        cacheControl(exchange.getResponseHeaders(), Content.STATIC_ASSET);
        send(exchange, 200, path.endsWith(".css") ? "text/css" : "text/javascript", content);
    }

    private void serveImage(HttpExchange exchange, String path) throws IOException {
        byte[] image = images.get(path);
        if (image == null) {
            send(exchange, 404, null, "no such image");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        cacheControl(headers, Content.SELLER_IMAGE);
        headers.set("Surrogate-Key", "image:" + path + " " + path.split("/")[2]);
        headers.set("ETag", '"' + fingerprint(image) + '"');
        headers.set("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, image.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(image);
        }
    }

    private void serveDashboard(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            send(exchange, 401, null, "sign in first");
            return;
        }
        String user = authorization.substring("Bearer ".length()).strip();
        cacheControl(exchange.getResponseHeaders(), Content.DASHBOARD);
        send(exchange, 200, "text/html", "<h1>Dashboard of " + user + "</h1><p>orders of " + user + "</p>");
    }

    private void cacheControl(Headers headers, Content content) {
        String value = policy.apply(content);
        if (value != null) {
            headers.set("Cache-Control", value);
        }
    }

    private Product parseId(String id) {
        try {
            return products.get(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return parts.length > 1 ? parts[1] : "";
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The first 8 hex digits of SHA-256: what a build tool puts into an asset's file name. */
    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
