package workbook.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The gateway's client for its services: one HTTP client, the services' base addresses by name. */
public final class Upstreams {
    private final Map<String, URI> services;
    private final RequestIds ids;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public Upstreams(Map<String, URI> services, RequestIds ids) {
        this.services = Map.copyOf(services);
        this.ids = ids;
    }

    /**
     * Starts a GET of {@code path} on {@code service}, tagged with the request's id, and returns at once.
     * The future fails with {@link java.net.http.HttpTimeoutException} when no answer came within
     * {@code timeout}, with {@link java.net.ConnectException} when nothing listens, with
     * {@link IllegalArgumentException} for an unknown service.
     */
    public CompletableFuture<HttpResponse<String>> call(String service, String path, String requestId,
                                                        Principal principal, Duration timeout) {
        URI base = services.get(service);
        if (base == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no service called " + service));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET()
                .header("X-Subject", principal.subject());
        ids.tag(request, requestId);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same call for an anonymous principal. */
    public CompletableFuture<HttpResponse<String>> call(String service, String path, String requestId, Duration timeout) {
        return call(service, path, requestId, Principal.ANONYMOUS, timeout);
    }
}
