package workbook.httpcache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An origin whose answers a test scripts: per path a status, a body and headers. It counts the
 * requests that reach it, keeps their headers, answers 304 when If-None-Match matches its ETag, and
 * can hold requests until the test releases them (to see who waits on the origin).
 * In a body, {@code {Accept-Language}} or {@code {Authorization}} is replaced by that request header.
 */
final class ScriptedOrigin implements AutoCloseable {
    record Reply(int status, String body, String[] headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-origin");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, List<String>>>> requests = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate;

    private ScriptedOrigin() throws IOException {
        server = Loopback.start(this::handle, threads);
    }

    static ScriptedOrigin start() {
        try {
            return new ScriptedOrigin();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** GET {@code path} answers 200 with this body and headers (name, value, name, value...). */
    ScriptedOrigin serve(String path, String body, String... headers) {
        return reply(path, 200, body, headers);
    }

    ScriptedOrigin reply(String path, int status, String body, String... headers) {
        replies.put(path, new Reply(status, body, headers));
        return this;
    }

    /** Requests that reached the origin for exactly this path. */
    int fetches(String path) {
        return fetches.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** The headers of every request that reached the origin for this path, in order. */
    List<Map<String, List<String>>> requests(String path) {
        return requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
    }

    /** From now on requests are counted when they arrive, then wait (at most 10 s) until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests(path).add(Map.copyOf(exchange.getRequestHeaders()));
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            CountDownLatch held = gate;
            if (held != null) {
                held.await(10, TimeUnit.SECONDS);
            }
            Reply reply = replies.get(path);
            if (reply == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = null;
            for (int i = 0; i < reply.headers().length; i += 2) {
                exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
                if (reply.headers()[i].equalsIgnoreCase("ETag")) {
                    etag = reply.headers()[i + 1];
                }
            }
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (reply.status() == 200 && etag != null && etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            String body = reply.body()
                    .replace("{Accept-Language}", String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")))
                    .replace("{Authorization}", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
