package workbook.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running version of the service (blue, green, a canary): a real HTTP server on loopback that
 * answers {@code GET /anything} with its own name. It fails a seeded share of its requests with a
 * 500 (a bad release), and can hold {@code /slow} requests open until a test releases them, which is
 * how the tests keep requests in flight while a switch happens. {@link #stop()} is what a deploy
 * script does to the old version: the server goes away and every connection still open is cut.
 */
public final class ServiceVersion implements AutoCloseable {
    private final String name;
    private final double errorRate;
    private final Random random;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon());
    private final AtomicInteger served = new AtomicInteger();
    private volatile Hold hold;
    private volatile boolean stopped;

    private ServiceVersion(String name, double errorRate, long seed) throws IOException {
        this.name = name;
        this.errorRate = errorRate;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** Starts a version that fails {@code errorRate} of its requests (0 for a good one), drawn from {@code seed}. */
    public static ServiceVersion start(String name, double errorRate, long seed) {
        try {
            return new ServiceVersion(name, errorRate, seed);
        } catch (IOException e) {
            throw new IllegalStateException("could not start version " + name + " on loopback: " + e, e);
        }
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests this version has answered (with 200 or 500). */
    public int served() {
        return served.get();
    }

    /** From now on, {@code /slow} requests wait inside this version until {@link Hold#release()}. */
    public Hold holdSlowRequests(int expected) {
        Hold next = new Hold(expected);
        hold = next;
        return next;
    }

    /** The deploy script's "stop the old version": no waiting, open connections are cut. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
        }
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public void close() {
        stop();
        Hold current = hold;
        if (current != null) {
            current.release();
        }
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Hold current = hold;
            if (current != null && exchange.getRequestURI().getPath().startsWith("/slow")) {
                current.enterAndWait();
            }
            boolean fail;
            synchronized (random) {
                fail = random.nextDouble() < errorRate;
            }
            served.incrementAndGet();
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "service-version");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Requests held open inside a version: {@link #awaitEntered()} once they are in, {@link #release()} to let them finish. */
    public static final class Hold {
        private final CountDownLatch entered;
        private final CountDownLatch released = new CountDownLatch(1);

        Hold(int expected) {
            entered = new CountDownLatch(expected);
        }

        void enterAndWait() {
            entered.countDown();
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** True once the expected number of requests are inside the version (waits at most 10 s). */
        public boolean awaitEntered() throws InterruptedException {
            return entered.await(10, TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }
    }
}
