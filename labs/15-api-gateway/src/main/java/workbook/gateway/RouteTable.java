package workbook.gateway;

import java.util.List;
import java.util.Optional;

/**
 * Task 1: the gateway's route table. Chooses the service for a request by host and path prefix
 * (versions are prefixes: {@code /v1/users} and {@code /v2/users} are two routes), strips the prefix
 * from the path the service sees, and turns a failed call into the right status.
 */
public final class RouteTable implements Routes {

    public RouteTable(List<Route> routes) {
        // Task 1: keep the routes (a copy: the caller's list may change).
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
        throw new UnsupportedOperationException("Task 1: find the route for the host and the longest prefix, strip the prefix");
    }

    /**
     * 504 Gateway Timeout when the service did not answer in time (a {@link java.net.http.HttpTimeoutException},
     * the connect timeout included); 502 Bad Gateway for any other failure (nothing listening, connection reset).
     */
    @Override
    public int statusFor(Throwable failure) {
        throw new UnsupportedOperationException("Task 1: map a timeout to 504 and any other failure to 502");
    }
}
