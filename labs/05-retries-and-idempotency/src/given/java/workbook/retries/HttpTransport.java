package workbook.retries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Transport} over real HTTP/1.1 (the JDK's client) to {@code http://host:port}. Each attempt
 * has a timeout; the JDK client never re-sends a POST by itself, so every attempt the server sees is
 * one the retrying client decided to make.
 */
public final class HttpTransport implements Transport {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final Duration timeout;

    public HttpTransport(String host, int port, Duration timeout) {
        this.base = URI.create("http://" + host + ":" + port);
        this.timeout = timeout;
    }

    @Override
    public Reply send(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(timeout)
                .method(request.method(), request.body().isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.idempotencyKey().ifPresent(key -> builder.header("Idempotency-Key", key));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.path(), e);
        }
    }
}
