package workbook.scaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import workbook.labkit.testing.Concurrently;

/** A closed-loop load generator: {@code clients} callers share {@code requests} GETs and send the next as soon as one returns. */
final class Load {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Load() {
    }

    /** Requests per second that {@code target} served; fails if any request did not get a 200. */
    static double throughput(URI target, int requests, int clients) {
        AtomicInteger remaining = new AtomicInteger(requests);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        var outcomes = Concurrently.run(clients, Duration.ofSeconds(20), caller -> {
            while (remaining.getAndDecrement() > 0) {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        outcomes.stream().filter(outcome -> !outcome.succeeded()).findFirst().ifPresent(outcome -> {
            throw new AssertionError("a request to " + target + " failed: " + outcome.error(), outcome.error());
        });
        if (failed.get() > 0) {
            throw new AssertionError(failed.get() + " of " + requests + " requests to " + target + " did not get a 200");
        }
        return requests / seconds;
    }
}
