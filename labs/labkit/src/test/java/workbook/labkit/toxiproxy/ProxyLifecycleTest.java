package workbook.labkit.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/** Proxies opening, closing and refusing: enable, disable, delete, reset, ports, and the server itself. */
class ProxyLifecycleTest extends ToxiproxyServerTestBase {

    @Test
    void listeningOnPortZeroReportsTheRealPort() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());

        assertThat(proxy.getListen()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        assertThat(client.getProxy(proxy.getName()).getListen()).isEqualTo(proxy.getListen());
        roundTripMillis(connect(proxy), "hello");
    }

    @Test
    void disableClosesLiveConnectionsAndRefusesNewOnesThenEnableRestores() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        String listen = proxy.getListen();
        Socket live = connect(proxy);
        roundTripMillis(live, "hello");

        proxy.disable();

        assertThat(proxy.isEnabled()).isFalse();
        assertThat(endOfStreamOrReset(live)).as("the live connection was closed").isTrue();
        assertThatThrownBy(() -> connect(proxy)).as("the port no longer listens").isInstanceOf(ConnectException.class);

        proxy.enable();

        assertThat(proxy.isEnabled()).isTrue();
        assertThat(proxy.getListen()).as("re-enabled on the same port").isEqualTo(listen);
        roundTripMillis(connect(proxy), "back");
    }

    @Test
    void deleteClosesEverything() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Socket live = connect(proxy);
        roundTripMillis(live, "hello");

        proxy.delete();

        assertThat(endOfStreamOrReset(live)).isTrue();
        assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class);
        assertThat(client.getProxyOrNull(proxy.getName())).isNull();
    }

    @Test
    void resetRemovesAllToxicsAndEnablesAllProxies() throws Exception {
        // A fresh client: ToxiproxyClient.reset() re-reads every proxy that client object ever created,
        // and fails with a 404 on one deleted since (with real Toxiproxy too).
        ToxiproxyClient fresh = new ToxiproxyClient(server.apiHost(), server.apiPort());
        TestUpstream upstream = echoUpstream();
        Proxy slow = fresh.createProxy("reset-slow", "127.0.0.1:0", upstream.address());
        slow.toxics().latency("slow", DOWNSTREAM, 2_000);
        slow.toxics().bandwidth("narrow", UPSTREAM, 1);
        Proxy down = fresh.createProxy("reset-down", "127.0.0.1:0", upstream.address());
        down.disable();

        fresh.reset();

        assertThat(slow.toxics().getAll()).isEmpty();
        assertThat(down.isEnabled()).as("the client refreshes its proxies after a reset").isTrue();
        assertThat(client.getProxy(down.getName()).isEnabled()).isTrue();
        assertThat(roundTripMillis(connect(slow), "fast again")).as("the 2 s latency is gone").isLessThan(1_000);
        roundTripMillis(connect(down), "up again");
    }

    @Test
    void upstreamThatRefusesClosesTheClientConnection() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Proxy proxy = client.createProxy("nowhere", "127.0.0.1:0", "127.0.0.1:" + closedPort);

        assertThat(endOfStreamOrReset(connect(proxy))).isTrue();
    }

    @Test
    void aProxyOnABusyPortFailsWithGoListenError() throws Exception {
        Proxy first = proxyTo(echoUpstream());

        assertThatThrownBy(() -> client.createProxy("second", first.getListen(), "127.0.0.1:1"))
                .isInstanceOf(IOException.class)
                .hasMessage("[500] listen tcp " + first.getListen() + ": bind: address already in use");
        assertThat(client.getProxyOrNull("second")).as("a proxy that could not listen is not kept").isNull();
    }

    @Test
    void aServerOnABusyApiPortFailsWithAMessageNamingThePort() throws Exception {
        assertThatThrownBy(() -> ToxiproxyServer.start("127.0.0.1", server.apiPort()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("port " + server.apiPort())
                .hasMessageContaining("already in use")
                .hasMessageContaining("port 0");
    }

    @Test
    void closingTheServerStopsTheApiTheListenersAndLiveConnections() throws Exception {
        TestUpstream upstream = echoUpstream();
        ToxiproxyServer own = ToxiproxyServer.start("127.0.0.1", 0);
        ToxiproxyClient ownClient = new ToxiproxyClient(own.apiHost(), own.apiPort());
        Proxy proxy = ownClient.createProxy("closing", "127.0.0.1:0", upstream.address());
        Socket live = connect(proxy);
        roundTripMillis(live, "hello");

        own.close();
        own.close(); // twice is fine

        assertThat(endOfStreamOrReset(live)).isTrue();
        assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(ownClient::getProxies).isInstanceOf(IOException.class);
    }

    @Test
    void serverThreadsAreDaemonsSoTheyNeverKeepTheJvmAlive() {
        List<Thread> serverThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("toxiproxy-"))
                .toList();

        assertThat(serverThreads).isNotEmpty().allMatch(Thread::isDaemon, "is a daemon thread");
    }

    @Test
    void aServerOnLoopbackKeepsItsProxiesOnLoopback() throws Exception {
        assertThatThrownBy(() -> client.createProxy("public", "8.8.8.8:0", "127.0.0.1:1"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("[500] listen tcp 8.8.8.8:0: this Toxiproxy listens on loopback only")
                .hasMessageContaining("--host 0.0.0.0");
        Proxy everywhere = client.createProxy("everywhere", "0.0.0.0:0", echoUpstream().address());
        assertThat(everywhere.getListen()).as("every interface means loopback here").matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void aServerOnEveryInterfaceLetsProxiesListenWhereTheyAsk() throws Exception {
        TestUpstream upstream = echoUpstream();
        try (ToxiproxyServer shared = ToxiproxyServer.start("0.0.0.0", 0)) {
            ToxiproxyClient sharedClient = new ToxiproxyClient("127.0.0.1", shared.apiPort());
            Proxy proxy = sharedClient.createProxy("shared", "0.0.0.0:0", upstream.address());

            assertThat(proxy.getListen()).as("as Go reports a dual-stack listener").matches("\\[::]:\\d+");
            String port = proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1);
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                roundTripMillis(socket, "from anywhere");
            }
        }
    }

    @Test
    void aServerOnAnAddressThisMachineDoesNotHaveFailsClearly() {
        assertThatThrownBy(() -> ToxiproxyServer.start("8.8.8.8", 0))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot listen on 8.8.8.8:0");
    }

    /** True if the connection was closed (end of stream or reset); fails by timeout if it stays open. */
    private static boolean endOfStreamOrReset(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return !reset.getMessage().contains("timed out");
        }
    }
}
