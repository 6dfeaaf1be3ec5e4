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
        boolean matches(String requestHost, String path) {
            boolean hostMatches = host.equals(ANY_HOST) || host.equals(requestHost);
            return hostMatches && (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/"));
        }

        /** Longer prefixes first; at equal length, a named host before the wildcard. */
        int specificity() {
            return prefix.length() * 2 + (host.equals(ANY_HOST) ? 0 : 1);
        }
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
        String requestHost = normalise(host);
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(requestHost, path) && (best == null || rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best).map(Rule::pool);
    }

    @Override
    public synchronized List<Pool> pools() {
        return List.copyOf(new LinkedHashSet<>(rules.stream().map(Rule::pool).toList()));
    }

    /** "API.Example.com:8080" and "api.example.com" are the same host. */
    private static String normalise(String host) {
        if (host == null) {
            return "";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        return colon >= 0 && !lower.endsWith("]") ? lower.substring(0, colon) : lower;
    }
}
