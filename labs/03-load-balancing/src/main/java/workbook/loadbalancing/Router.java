package workbook.loadbalancing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Layer 7 routing: choose a pool from what only an HTTP-aware balancer can read, the Host header and
 * the path. A rule names a host ("api.example.com", or {@link #ANY_HOST}) and a path prefix ("/api");
 * among the rules that match, the one with the longest prefix wins, so "/api/v2" beats "/api", which
 * beats "/". At equal length, a rule for this exact host beats an any-host rule.
 * <p>
 * A prefix matches whole path segments: "/api" matches "/api" and "/api/users" but not "/apiary".
 */
public final class Router implements Routes {
    /** A rule for every host. */
    public static final String ANY_HOST = "*";

    private record Rule(String host, String prefix, Pool pool) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Adds a rule: requests for {@code host} (or {@link #ANY_HOST}) whose path starts with
     * {@code pathPrefix} go to {@code pool}.
     */
    public synchronized Router route(String host, String pathPrefix, Pool pool) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a route needs a host name or \"*\" for any host, got '" + host + "'");
        }
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/', got '" + pathPrefix + "'");
        }
        String prefix = pathPrefix.length() > 1 && pathPrefix.endsWith("/")
                ? pathPrefix.substring(0, pathPrefix.length() - 1) // "/api/" and "/api" are the same rule
                : pathPrefix;
        rules.add(new Rule(host.toLowerCase(Locale.ROOT), prefix, pool));
        return this;
    }

    /** Task 6: the pool of the most specific matching rule, or empty when none matches. */
    @Override
    public synchronized Optional<Pool> poolFor(String host, String path) {
        throw new UnsupportedOperationException("Task 6: among the rules whose host and path prefix match, "
                + "return the pool of the one with the longest prefix");
    }

    @Override
    public synchronized List<Pool> pools() {
        return List.copyOf(new LinkedHashSet<>(rules.stream().map(Rule::pool).toList()));
    }
}
