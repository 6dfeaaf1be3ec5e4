package workbook.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a load generator sends requests to: one call is one request, and returns when its answer is in. */
@FunctionalInterface
public interface Target {

    /** Sends one request and waits for its answer; throws when the answer is not a success. */
    void call() throws Exception;

    /** GET {@code uri} over HTTP/1.1 with the JDK's client; anything but 200 is an error. */
    static Target get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        return () -> {
            HttpResponse<Void> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode() + " instead of 200");
            }
        };
    }

    /** One client for every target, so that connections are kept alive and reused between requests. */
    final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        private Http() {
        }
    }
}
