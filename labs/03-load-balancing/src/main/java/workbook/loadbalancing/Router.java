package workbook.loadbalancing;

import java.util.Optional;

/**
 * Layer 7 routing: choose a pool from what only an HTTP-aware balancer can read, the Host header and
 * the path. A rule names a host ("api.example.com", or {@link #ANY_HOST}) and a path prefix ("/api");
 * among the rules that match, the one with the longest prefix wins, so "/api/v2" beats "/api", which
 * beats "/". At equal length, a rule for this exact host beats an any-host rule.
 * <p>
 * A prefix matches whole path segments: "/api" matches "/api" and "/api/users" but not "/apiary".
 * The rules and {@link #route} are given in {@link RouteTable}.
 */
public final class Router extends RouteTable<Router> {
    /** Task 6: the pool of the most specific matching rule, or empty when none matches. */
    @Override
    public synchronized Optional<Pool> poolFor(String host, String path) {
        throw new UnsupportedOperationException("Task 6: among the rules whose host and path prefix match, "
                + "return the pool of the one with the longest prefix");
    }
}
