package workbook.gateway;

/**
 * One line of the gateway's route table: requests for {@code host} (any host when null) whose path
 * starts with {@code prefix} (a whole path segment, such as {@code /v1/users}) go to {@code service}.
 */
public record Route(String host, String prefix, String service) {
    public Route {
        if (host != null && (host.isBlank() || host.indexOf(':') >= 0)) {
            throw new IllegalArgumentException("a route's host is a host name without a port, or null for any host; got '" + host + "'");
        }
    }

    public static Route anyHost(String prefix, String service) {
        return new Route(null, prefix, service);
    }
}
