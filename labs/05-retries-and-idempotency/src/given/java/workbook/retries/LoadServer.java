package workbook.retries;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 with bounded capacity, which counts every request it sees. It
 * serves {@code GET /work} with 200 while it has capacity and sheds the rest with 503 (as a server
 * under load, or a load shedder in front of it, does). Capacity is a bucket of {@code burst} slots
 * refilled at {@code perHundredMillis} every 100 ms of its clock, so a test drives time with a fake
 * clock. During an outage it answers 503 to everything, with {@code Retry-After} when one is set.
 */
public final class LoadServer implements AutoCloseable {
    private static final long WINDOW_MILLIS = 100;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final long burst;
    private final long perHundredMillis;
    private final List<Long> arrivals = new ArrayList<>();
    private long slotsTimesWindow;      // capacity left, in slot × ms (whole numbers, no drift)
    private long refilledAt;
    private Instant outageFrom = Instant.MAX;
    private Instant outageUntil = Instant.MAX;
    private String retryAfter;

    private LoadServer(Clock clock, int burst, int perHundredMillis) throws IOException {
        this.clock = clock;
        this.burst = burst;
        this.perHundredMillis = perHundredMillis;
        this.slotsTimesWindow = burst * WINDOW_MILLIS;
        this.refilledAt = clock.millis();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/work", this::handle);
        server.start();
    }

    /** Starts a server that takes {@code burst} requests at once, then {@code perHundredMillis} per 100 ms. */
    public static LoadServer start(Clock clock, int burst, int perHundredMillis) throws IOException {
        return new LoadServer(clock, burst, perHundredMillis);
    }

    /** Answers 503 to every request from {@code from} (inclusive) until {@code until} (exclusive). */
    public synchronized void outage(Instant from, Instant until) {
        this.outageFrom = from;
        this.outageUntil = until;
    }

    /** The Retry-After value sent with every 503 from now on (null: none). */
    public synchronized void retryAfter(String value) {
        this.retryAfter = value;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized int requestsSeen() {
        return arrivals.size();
    }

    /** Requests seen in each {@code window} from {@code start}, for {@code windows} windows. */
    public synchronized int[] perWindow(Instant start, Duration window, int windows) {
        int[] counts = new int[windows];
        for (long arrival : arrivals) {
            long index = Math.floorDiv(arrival - start.toEpochMilli(), window.toMillis());
            if (index >= 0 && index < windows) {
                counts[(int) index]++;
            }
        }
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            int status;
            String header;
            synchronized (this) {
                Instant now = clock.instant();
                arrivals.add(now.toEpochMilli());
                boolean down = !now.isBefore(outageFrom) && now.isBefore(outageUntil);
                status = !down && takeSlot(now.toEpochMilli()) ? 200 : 503;
                header = retryAfter;
            }
            if (status == 503 && header != null) {
                exchange.getResponseHeaders().set("Retry-After", header);
            }
            byte[] body = (status == 200 ? "{\"done\":true}" : "{\"error\":\"overloaded\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private boolean takeSlot(long now) {
        long elapsed = Math.max(0, now - refilledAt);
        slotsTimesWindow = Math.min(burst * WINDOW_MILLIS, slotsTimesWindow + elapsed * perHundredMillis);
        refilledAt = Math.max(refilledAt, now);
        if (slotsTimesWindow < WINDOW_MILLIS) {
            return false;
        }
        slotsTimesWindow -= WINDOW_MILLIS;
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
