package workbook.failing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls one dependency over HTTP. Every call is bounded: the connection by the connect timeout, the
 * wait for the answer by the read timeout. A call that does not give a 2xx answer in time throws
 * {@link DependencyException}, so the caller can fail fast instead of holding a worker.
 */
public final class DependencyClient {
    private final URI base;
    private final Timeouts timeouts;
    private final HttpClient http;

    public DependencyClient(URI base, Timeouts timeouts) {
        this.base = base;
        this.timeouts = timeouts;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (timeouts.connect() != null) {
            builder.connectTimeout(timeouts.connect());
        }
        this.http = builder.build();
    }

    /**
     * Timeouts sized from the dependency's normal p99: a call may take three times its usual worst
     * case before we give up on it, and opening a connection as long as one usual worst-case call.
     */
    public static Timeouts timeoutsFor(Duration normalP99) {
        if (normalP99.isNegative() || normalP99.isZero()) {
            throw new IllegalArgumentException("a p99 must be positive, got " + normalP99);
        }
        return new Timeouts(normalP99, normalP99.multipliedBy(3));
    }

    /** GETs {@code pathAndQuery} and returns the body of a 2xx answer. */
    public String get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery));
        if (timeouts.read() != null) {
            request.timeout(timeouts.read());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {    // HttpTimeoutException and HttpConnectTimeoutException are IOExceptions
            throw new DependencyException(base + pathAndQuery + " gave no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyException("interrupted while calling " + base + pathAndQuery, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DependencyException(base + pathAndQuery + " answered " + response.statusCode(), response.statusCode());
        }
        return response.body();
    }

    /** The timeouts this client applies. */
    public Timeouts timeouts() {
        return timeouts;
    }
}
