package workbook.loadbalancing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A layer 7 load balancer: an HTTP reverse proxy on loopback. For each request it finds the pool
 * ({@link Routes}), lets the pool's balancer choose a server, forwards the request with
 * {@link HttpClient} and copies the response back. The server, the client and the forwarding are
 * given in {@link ProxyBase}.
 * <p>
 * Around each forwarded request it keeps the books the algorithms and the health checks rely on:
 * the server's active-connection count (without it least connections is blind), and the success or
 * failure of the attempt (passive health checks). A failed request is retried once on another
 * server when that is safe: always when the first server never received it (the connection was
 * refused), and otherwise only for idempotent methods, because a server that received a POST may
 * have acted on it before failing.
 */
public final class ReverseProxy extends ProxyBase {
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final int ATTEMPTS = 2;

    ReverseProxy(Routes routes) {
        super(routes);
    }

    @Override
    protected void handle(HttpExchange exchange, Incoming request) throws IOException {
        Optional<Pool> routed = routes.poolFor(request.host(), request.path());
        if (routed.isEmpty()) {
            respond(exchange, 404, "404 Not Found: no route for host '" + request.host()
                    + "' and path '" + request.path() + "'\n");
            return;
        }
        Pool pool = routed.get();
        boolean idempotent = IDEMPOTENT_METHODS.contains(request.method());

        List<Server> tried = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        while (tried.size() < ATTEMPTS) {
            List<Server> candidates = new ArrayList<>(pool.available());
            candidates.removeAll(tried); // a retry goes to another server, never the one that just failed
            if (candidates.isEmpty()) {
                break;
            }
            Server target = pool.balancer().pick(candidates, request.clientKey());
            tried.add(target);
            HttpResponse<byte[]> response;
            target.connectionOpened();
            try {
                response = forward(exchange, request, target);
            } catch (IOException e) {
                pool.recordFailure(target);
                errors.add(target.name() + ": " + describe(e));
                if (!idempotent && !(e instanceof ConnectException)) {
                    break; // the server may have received it and acted on it: a retry could do it twice
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 502, "502 Bad Gateway: interrupted while waiting for " + target.name() + "\n");
                return;
            } finally {
                target.connectionClosed();
            }
            pool.recordSuccess(target);
            relay(exchange, response);
            return;
        }
        respond(exchange, 502, tried.isEmpty()
                ? "502 Bad Gateway: every server of pool '" + pool.name() + "' is down (ejected by health checks)\n"
                : "502 Bad Gateway: pool '" + pool.name() + "' failed: " + String.join("; ", errors) + "\n");
    }

    /** Task 5: sends a probe to every ejected server; one that answers is readmitted. */
    @Override
    protected void probeEjectedServers() {
        for (Pool pool : routes.pools()) {
            for (Server server : pool.ejected()) {
                HttpRequest probe = HttpRequest.newBuilder(server.address().resolve(HEALTH_PATH))
                        .timeout(Duration.ofSeconds(1)).GET().build();
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                        pool.recordSuccess(server);
                    }
                } catch (IOException e) {
                    // still down: stay ejected and try again at the next probe
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
