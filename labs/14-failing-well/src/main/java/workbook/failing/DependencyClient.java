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
 * <p>
 * As shipped, it is the client most code starts with: no timeouts, and any answer is taken as good.
 */
public final class DependencyClient {
    private final URI base;
    private final Timeouts timeouts;
    private final HttpClient http = HttpClient.newHttpClient();

    public DependencyClient(URI base, Timeouts timeouts) {
        this.base = base;
        this.timeouts = timeouts;
    }

    /**
     * Timeouts sized from the dependency's normal p99: a call may take three times its usual worst
     * case before we give up on it, and opening a connection as long as one usual worst-case call.
     */
    public static Timeouts timeoutsFor(Duration normalP99) {
        throw new UnsupportedOperationException("Task 2: size the connect and read timeouts from the normal p99");
    }

    /** GETs {@code pathAndQuery} and returns the body of a 2xx answer. */
    public String get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new DependencyException("no answer from " + base + pathAndQuery, e);
        }
    }

    /** The timeouts this client applies. */
    public Timeouts timeouts() {
        return timeouts;
    }
}
