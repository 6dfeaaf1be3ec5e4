package workbook.labkit.toxiproxy;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code host:port} addresses read and written the way Toxiproxy (that is, Go's {@code net} package)
 * reads and writes them: {@code 127.0.0.1:8666}, {@code [::1]:8666}, {@code :8666} for "no host", and
 * Go's wording when an address is wrong ({@code address local373: missing port in address}).
 */
final class HostPort {
    private static final String MISSING_PORT = "missing port in address";
    private static final String TOO_MANY_COLONS = "too many colons in address";

    private HostPort() {
    }

    /** A resolved address; a null {@code address} means the host was left empty (every interface). */
    record Resolved(InetAddress address, int port) {
        boolean isWildcard() {
            return address == null || address.isAnyLocalAddress();
        }

        /** Go's {@code TCPAddr.String()}: {@code 127.0.0.1:80}, {@code [::1]:80}, {@code :80}. */
        @Override
        public String toString() {
            return address == null ? ":" + port : format(address, port);
        }
    }

    /**
     * What Go's {@code net.ResolveTCPAddr} makes of {@code text}: names are looked up (IPv4 first, as
     * Go does), an empty port means 0. Toxiproxy compares listen addresses in this form, and reports
     * the errors as they come, with status 500.
     */
    static Resolved resolve(String text) throws ApiException {
        String[] hostAndPort = split(text);
        int port = port(hostAndPort[1]);
        String host = hostAndPort[0];
        if (host.isEmpty()) {
            return new Resolved(null, port);
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            InetAddress chosen = all[0];
            for (InetAddress candidate : all) {
                if (candidate instanceof Inet4Address) {
                    chosen = candidate;
                    break;
                }
            }
            return new Resolved(chosen, port);
        } catch (UnknownHostException e) {
            throw new ApiException(500, "lookup " + host + ": no such host");
        }
    }

    /** Where a proxy connects to; resolved when each client connects, as Toxiproxy does. */
    static InetSocketAddress parseUpstream(String text) throws ApiException {
        String[] hostAndPort = split(text);
        return new InetSocketAddress(hostAndPort[0], port(hostAndPort[1]));
    }

    /** Go's spelling of an address: IPv6 in brackets and shortened ({@code [::1]:8666}). */
    static String format(InetAddress address, int port) {
        if (address instanceof Inet6Address) {
            return "[" + shortIpv6(address.getAddress()) + "]:" + port;
        }
        return address.getHostAddress() + ":" + port;
    }

    /** Go's {@code net.SplitHostPort}, with its error messages. */
    private static String[] split(String text) throws ApiException {
        int lastColon = text.lastIndexOf(':');
        if (lastColon < 0) {
            throw addressError(text, MISSING_PORT);
        }
        String host;
        int hostStart = 0;
        int hostEnd = 0;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw addressError(text, "missing ']' in address");
            }
            if (close + 1 == text.length()) {
                throw addressError(text, MISSING_PORT);
            }
            if (close + 1 != lastColon) {
                throw addressError(text, text.charAt(close + 1) == ':' ? TOO_MANY_COLONS : MISSING_PORT);
            }
            host = text.substring(1, close);
            hostStart = 1;
            hostEnd = close + 1;
        } else {
            host = text.substring(0, lastColon);
            if (host.contains(":")) {
                throw addressError(text, TOO_MANY_COLONS);
            }
        }
        if (text.indexOf('[', hostStart) >= 0) {
            throw addressError(text, "unexpected '[' in address");
        }
        if (text.indexOf(']', hostEnd) >= 0) {
            throw addressError(text, "unexpected ']' in address");
        }
        return new String[] {host, text.substring(lastColon + 1)};
    }

    /** Go's port rules: empty is 0, a sign is allowed, a name would be looked up (this server knows none). */
    private static int port(String text) throws ApiException {
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("+") || negative ? text.substring(1) : text;
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ApiException(500, "lookup tcp/" + text + ": unknown port");
        }
        BigInteger value = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(65535)) > 0 || (negative && value.signum() != 0)) {
            throw addressError(text, "invalid port");
        }
        return value.intValue();
    }

    private static ApiException addressError(String address, String problem) {
        return new ApiException(500, "address " + address + ": " + problem);
    }

    /** RFC 5952 text, as Go prints it: lower-case hex, the longest run of two or more zero groups as "::". */
    private static String shortIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
