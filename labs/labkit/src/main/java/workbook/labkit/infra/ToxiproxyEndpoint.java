package workbook.labkit.infra;

/**
 * Where the Toxiproxy API is, and how proxies are addressed on this backend.
 */
public interface ToxiproxyEndpoint {
    String apiHost();

    int apiPort();

    /** The address a new proxy should listen on, as Toxiproxy sees it (port 0 picks a free one where supported). */
    String nextListenAddress();

    /** Where the test JVM connects to reach a proxy that Toxiproxy reports as listening on {@code listen}. */
    HostPort connectAddressFor(String listen);

    /** The upstream address Toxiproxy should use to reach a TCP port open on this machine (the test JVM's host). */
    String upstreamForLocalPort(int port);

    record HostPort(String host, int port) {
        public static HostPort parse(String hostAndPort) {
            int colon = hostAndPort.lastIndexOf(':');
            return new HostPort(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
