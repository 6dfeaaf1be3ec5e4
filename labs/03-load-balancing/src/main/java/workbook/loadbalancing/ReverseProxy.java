package workbook.loadbalancing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * A layer 7 load balancer: an HTTP reverse proxy on loopback. For each request it finds the pool
 * ({@link Routes}), lets the pool's balancer choose a server, forwards the request with
 * {@link HttpClient} and copies the response back. The server, the client and the forwarding are
 * given in {@link ProxyBase}; start one with {@code ReverseProxy.start(routes)}.
 * <p>
 * Around each forwarded request it keeps the books the algorithms and the health checks rely on:
 * the server's active-connection count (without it least connections is blind), and the success or
 * failure of the attempt (passive health checks). A failed request is retried once on another
 * server when that is safe: always when the first server never received it (the connection was
 * refused), and otherwise only for idempotent methods, because a server that received a POST may
 * have acted on it before failing.
 */
public final class ReverseProxy extends ProxyBase {

    ReverseProxy(Routes routes) {
        super(routes);
    }

    @Override
    protected void handle(HttpExchange exchange, Incoming request) throws IOException {
        // Task 6: when no rule matches, answer 404 with a message that names the host and path.
        // (As given, orElseThrow() throws and the client's connection is simply dropped.)
        Pool pool = routes.poolFor(request.host(), request.path()).orElseThrow();

        // Task 5: tell the target when a request starts and ends (connectionOpened / connectionClosed),
        // report each attempt to the pool (recordSuccess / recordFailure), and retry a failed request
        // once on another server when that is safe. Task 6: answer 502 when no server is left.
        Server target = pool.balancer().pick(pool.available(), request.clientKey());
        HttpResponse<byte[]> response;
        try {
            response = forward(exchange, request, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        relay(exchange, response);
    }

    /**
     * Task 5: sends a probe (GET {@link #HEALTH_PATH}) to every ejected server of every pool; one that
     * answers below 500 is readmitted. Runs every probe interval. (As given, it does nothing.)
     */
    @Override
    protected void probeEjectedServers() {
    }
}
