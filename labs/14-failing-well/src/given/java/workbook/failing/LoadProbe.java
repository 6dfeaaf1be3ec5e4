package workbook.failing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients for the tests and the experiment: each sends a request, waits for the answer or for its own
 * timeout, and records what it saw in your {@link Outcomes} (status 0: no answer in time). A client
 * refused with 503 and {@code Retry-After} waits before it tries again, as a well-behaved client does,
 * but at most {@link #MAX_PAUSE}: a test run lasts about a second, and clients that slept through all
 * of it would measure nothing.
 */
public final class LoadProbe {
    /** The longest a refused client waits before its next request, whatever Retry-After says. */
    public static final Duration MAX_PAUSE = Duration.ofMillis(100);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoadProbe() {
    }

    /** Sends {@code total} requests to {@code target} from {@code clients} clients at a time; returns once all are answered or timed out. */
    public static Outcomes requests(URI target, int total, int clients, Duration clientTimeout, Outcomes into) {
        AtomicInteger left = new AtomicInteger(total);
        run(clients, () -> {
            while (left.getAndDecrement() > 0) {
                send(target, clientTimeout, into);
            }
        });
        return into;
    }

    /** {@code clients} clients send requests to {@code target}, one after the other each, for {@code duration}. */
    public static Outcomes forDuration(URI target, int clients, Duration duration, Duration clientTimeout, Outcomes into) {
        long end = System.nanoTime() + duration.toNanos();
        run(clients, () -> {
            while (System.nanoTime() < end) {
                long retryAfterNanos = send(target, clientTimeout, into);
                long pause = Math.min(retryAfterNanos, end - System.nanoTime());
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            }
        });
        return into;
    }

    /**
     * Background pressure: {@code clients} clients send requests to {@code target} until closed,
     * pausing {@code pause} between two requests. Nothing is recorded.
     */
    public static AutoCloseable pressure(URI target, int clients, Duration pause) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                        Thread.sleep(pause.toMillis());
                    } catch (IOException e) {
                        // keep pressing
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        return pool::shutdownNow;
    }

    /** Sends one request; returns how long the answer asked the client to wait before the next one. */
    private static long send(URI target, Duration clientTimeout, Outcomes into) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(clientTimeout).build();
        long start = System.nanoTime();
        int status;
        long retryAfterNanos = 0;
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 503) {
                long asked = response.headers().firstValueAsLong("Retry-After").orElse(0) * 1_000_000_000L;
                retryAfterNanos = Math.min(asked, MAX_PAUSE.toNanos());
            }
        } catch (IOException e) {
            status = 0;
        }
        into.record(status, Duration.ofNanos(System.nanoTime() - start));
        return retryAfterNanos;
    }

    private interface Client {
        void run() throws Exception;
    }

    private static void run(int clients, Client client) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    client.run();
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clients were running", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
