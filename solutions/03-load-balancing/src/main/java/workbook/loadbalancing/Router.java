package workbook.loadbalancing;

import java.util.Locale;
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
        String requestHost = normalise(host);
        Rule best = null;
        for (Rule rule : rules()) {
            if (matches(rule, requestHost, path) && (best == null || specificity(rule) > specificity(best))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best).map(Rule::pool);
    }

    private static boolean matches(Rule rule, String requestHost, String path) {
        boolean hostMatches = rule.host().equals(ANY_HOST) || rule.host().equals(requestHost);
        String prefix = rule.prefix();
        return hostMatches && (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** Longer prefixes first; at equal length, a named host before the wildcard. */
    private static int specificity(Rule rule) {
        return rule.prefix().length() * 2 + (rule.host().equals(ANY_HOST) ? 0 : 1);
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
