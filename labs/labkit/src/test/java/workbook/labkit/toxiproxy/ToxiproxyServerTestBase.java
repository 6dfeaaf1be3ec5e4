package workbook.labkit.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server per test class, driven only through the official client. Each test gets fresh
 * upstreams and proxies, and everything is removed after it.
 */
abstract class ToxiproxyServerTestBase {
    /** Guards every blocking read, so a broken proxy fails a test instead of hanging the build. */
    static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final AtomicInteger NAMES = new AtomicInteger();

    static ToxiproxyServer server;
    static ToxiproxyClient client;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = ToxiproxyServer.start("127.0.0.1", 0);
        client = new ToxiproxyClient(server.apiHost(), server.apiPort());
        warmUp();
    }

    /**
     * Runs data through harmless toxics before anything is timed: on a busy machine, loading and
     * compiling the proxy's code can add a second to the first connection of a fresh JVM.
     */
    private static void warmUp() throws IOException {
        try (TestUpstream echo = TestUpstream.echo()) {
            Proxy proxy = client.createProxy("warm-up", "127.0.0.1:0", echo.address());
            proxy.toxics().latency("warm-latency", ToxicDirection.DOWNSTREAM, 0);
            proxy.toxics().bandwidth("warm-bandwidth", ToxicDirection.DOWNSTREAM, 1_000_000);
            proxy.toxics().slicer("warm-slicer", ToxicDirection.UPSTREAM, 1_000, 0);
            proxy.toxics().limitData("warm-limit", ToxicDirection.UPSTREAM, 1_000_000);
            proxy.toxics().slowClose("warm-close", ToxicDirection.DOWNSTREAM, 0);
            for (int i = 0; i < 5; i++) {
                try (Socket socket = openSocket(proxy)) {
                    roundTripMillis(socket, "warm-up " + i);
                }
            }
            proxy.delete();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Proxy proxy : client.getProxies()) {
            proxy.delete();
        }
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    TestUpstream echoUpstream() throws IOException {
        return remember(TestUpstream.echo());
    }

    TestUpstream upstreamSending(byte[] payload) throws IOException {
        return remember(TestUpstream.sendingThenClosing(payload));
    }

    Proxy proxyTo(TestUpstream upstream) throws IOException {
        return client.createProxy("proxy-" + NAMES.incrementAndGet(), "127.0.0.1:0", upstream.address());
    }

    /** A client connection to the proxy, closed after the test. */
    Socket connect(Proxy proxy) throws IOException {
        return remember(openSocket(proxy));
    }

    private static Socket openSocket(Proxy proxy) throws IOException {
        String listen = proxy.getListen();
        int colon = listen.lastIndexOf(':');
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), 2_000);
        return socket;
    }

    /** Sends a message through an echo upstream and waits for all of it to come back; returns the milliseconds taken. */
    static long roundTripMillis(Socket socket, String message) throws IOException {
        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        socket.getOutputStream().write(sent);
        byte[] received = socket.getInputStream().readNBytes(sent.length);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (received.length != sent.length) {
            throw new IOException("the echo came back short: " + received.length + " of " + sent.length + " bytes");
        }
        return millis;
    }

    /** Reads until the other side closes. */
    static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        int count;
        while ((count = in.read(buffer)) != -1) {
            all.write(buffer, 0, count);
        }
        return all.toByteArray();
    }

    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
