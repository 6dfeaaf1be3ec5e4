package workbook.loadbalancing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The given part of {@link Router}: the list of rules, in the order they were added. {@link Router}
 * writes {@link Routes#poolFor}, the choice among the rules that match. (The type parameter lets
 * {@link #route} return a {@link Router}, so that calls chain.)
 */
public abstract class RouteTable<R extends RouteTable<R>> implements Routes {
    /** A rule for every host. */
    public static final String ANY_HOST = "*";

    /**
     * Requests for {@code host} (lower case, or {@link #ANY_HOST}) whose path is {@code prefix} or
     * starts with {@code prefix + "/"} go to {@code pool}. A prefix has no trailing slash, except "/".
     */
    protected record Rule(String host, String prefix, Pool pool) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Adds a rule: requests for {@code host} (or {@link #ANY_HOST}) whose path starts with
     * {@code pathPrefix} go to {@code pool}. A host is a name without a port, and each host and prefix
     * has one rule: a second one is refused.
     */
    public synchronized R route(String host, String pathPrefix, Pool pool) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a route needs a host name or \"*\" for any host, got '" + host + "'");
        }
        if (host.contains(":")) {
            throw new IllegalArgumentException("a route names a host without a port, got '" + host + "'");
        }
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/', got '" + pathPrefix + "'");
        }
        String prefix = pathPrefix.length() > 1 && pathPrefix.endsWith("/")
                ? pathPrefix.substring(0, pathPrefix.length() - 1) // "/api/" and "/api" are the same rule
                : pathPrefix;
        Rule rule = new Rule(host.toLowerCase(Locale.ROOT), prefix, pool);
        // Two rules for the same host and prefix would leave the winner to the order they were added in.
        if (rules.stream().anyMatch(existing -> existing.host().equals(rule.host()) && existing.prefix().equals(prefix))) {
            throw new IllegalArgumentException("there is already a route for host '" + rule.host() + "' and prefix '"
                    + prefix + "'");
        }
        rules.add(rule);
        @SuppressWarnings("unchecked") // R is the class that extends RouteTable<R>
        R self = (R) this;
        return self;
    }

    /** The rules, in the order they were added. */
    protected synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    @Override
    public synchronized List<Pool> pools() {
        return List.copyOf(new LinkedHashSet<>(rules.stream().map(Rule::pool).toList()));
    }
}
