package workbook.labkit.toxiproxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * A {@code host:port} address as Toxiproxy writes it ({@code 127.0.0.1:8666}, {@code [::1]:8666}).
 */
final class HostPort {
    /** Hosts that mean "every interface" or "this machine"; we bind them to loopback (see {@link #parseListen}). */
    private static final Set<String> ANY_OR_LOCAL = Set.of("", "0.0.0.0", "::", "localhost");

    private HostPort() {
    }

    /**
     * Where a proxy should listen. This server only ever listens on loopback: it exists for tests on
     * one machine, and a chaos proxy reachable from the network would be a gift to anyone nearby.
     * So "every interface" ({@code 0.0.0.0}, {@code ::}, empty) and {@code localhost} become
     * {@code 127.0.0.1}, and any other host must be a loopback address.
     */
    static InetSocketAddress parseListen(String text) throws ApiException {
        String host = hostOf(text);
        int port = portOf(text);
        if (ANY_OR_LOCAL.contains(host)) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("listen address " + text + ": unknown host " + host);
        }
        if (!address.isLoopbackAddress()) {
            throw ApiException.badRequest("listen address " + text + " is not a loopback address: this Toxiproxy "
                    + "only listens on this machine; use 127.0.0.1:" + port);
        }
        return new InetSocketAddress(address, port);
    }

    /** Where a proxy connects to; resolved when each client connects, as Toxiproxy does. */
    static InetSocketAddress parseUpstream(String text) throws ApiException {
        return new InetSocketAddress(hostOf(text), portOf(text));
    }

    /** Toxiproxy's spelling of a bound address: the listen field reports the real port after binding to port 0. */
    static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]:" + port : host + ":" + port;
    }

    private static String hostOf(String text) throws ApiException {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw ApiException.badRequest("address " + text + ": missing port, expected host:port such as 127.0.0.1:8666");
        }
        String host = text.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int portOf(String text) throws ApiException {
        String port = text.substring(text.lastIndexOf(':') + 1);
        try {
            int number = Integer.parseInt(port);
            if (number >= 0 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("address " + text + ": port must be a number from 0 to 65535");
    }
}
