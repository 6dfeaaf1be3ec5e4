package workbook.loadbalancing;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, bounded load: {@code requests} GETs sent by {@code concurrency} clients, each sending its
 * next request as soon as the previous one answers. Records every latency in an HdrHistogram.
 */
final class LoadRun {
    final Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
    int failures;
    String firstFailure;

    static LoadRun send(URI proxy, int requests, int concurrency) throws Exception {
        LoadRun run = new LoadRun();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger remaining = new AtomicInteger(requests);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                done.add(clients.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        HttpRequest request = HttpRequest.newBuilder(proxy.resolve("/work"))
                                .timeout(Duration.ofSeconds(10)).GET().build();
                        long start = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failure = "HTTP " + response.statusCode() + ": " + response.body().strip();
                            }
                        } catch (Exception e) {
                            failure = e.toString();
                        }
                        long micros = (System.nanoTime() - start) / 1000;
                        synchronized (run) {
                            run.latencyMicros.recordValue(Math.min(micros, run.latencyMicros.getHighestTrackableValue()));
                            if (failure != null) {
                                run.failures++;
                                if (run.firstFailure == null) {
                                    run.firstFailure = failure;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        return run;
    }

    double p99Millis() {
        return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    double p50Millis() {
        return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }
}
