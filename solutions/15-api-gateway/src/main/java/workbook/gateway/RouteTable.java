package workbook.gateway;

import java.net.http.HttpTimeoutException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Task 1: the gateway's route table. Chooses the service for a request by host and path prefix
 * (versions are prefixes: {@code /v1/users} and {@code /v2/users} are two routes), strips the prefix
 * from the path the service sees, and turns a failed call into the right status.
 */
public final class RouteTable implements Routes {
    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * The target of a request, or empty when no route matches (the gateway answers 404).
     * <ul>
     *   <li>A prefix matches whole path segments: {@code /v1/users} matches {@code /v1/users} and
     *       {@code /v1/users/42}, never {@code /v1/usersettings}.</li>
     *   <li>Routes for the request's host (compared without case and without the port of the Host
     *       header) come before routes for any host; among those, the longest prefix wins.</li>
     *   <li>The service sees the path without the prefix, and {@code /} when nothing is left.</li>
     * </ul>
     */
    @Override
    public Optional<Target> route(String host, String path) {
        String requestHost = hostName(host);
        Optional<Route> forHost = longestMatch(path, route -> route.host() != null && route.host().equalsIgnoreCase(requestHost));
        Optional<Route> chosen = forHost.isPresent() ? forHost : longestMatch(path, route -> route.host() == null);
        return chosen.map(route -> new Target(route.service(), rest(path, route.prefix())));
    }

    private Optional<Route> longestMatch(String path, java.util.function.Predicate<Route> hostMatches) {
        return routes.stream()
                .filter(hostMatches)
                .filter(route -> coversSegments(route.prefix(), path))
                .max(Comparator.comparingInt(route -> route.prefix().length()));
    }

    /** True when the path is the prefix, or continues it with a new segment: /v1/users covers /v1/users/42, not /v1/usersX. */
    private static boolean coversSegments(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String rest(String path, String prefix) {
        String rest = path.substring(prefix.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** "API.example.test:8443" -> "API.example.test" (compared without case); no Host header matches no host route. */
    private static String hostName(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /**
     * 504 Gateway Timeout when the service did not answer in time (a {@link java.net.http.HttpTimeoutException},
     * the connect timeout included); 502 Bad Gateway for any other failure (nothing listening, connection reset).
     */
    @Override
    public int statusFor(Throwable failure) {
        return failure instanceof HttpTimeoutException ? 504 : 502;
    }
}
