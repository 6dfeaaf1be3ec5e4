package workbook.httpcache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the tests: GET with headers given as name, value pairs. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI server, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(Duration.ofSeconds(8)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + server.resolve(pathAndQuery) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String cacheStatus(HttpResponse<?> response) {
        return response.headers().firstValue(Edge.CACHE_STATUS).orElse("(no " + Edge.CACHE_STATUS + " header)");
    }

    static CacheControl cacheControl(HttpResponse<?> response) {
        return CacheControl.parse(response.headers().allValues("Cache-Control"));
    }
}
