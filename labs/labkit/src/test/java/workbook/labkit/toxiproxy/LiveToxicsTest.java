package workbook.labkit.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Adding, changing and removing toxics reaches connections that are already open, as in Toxiproxy. */
class LiveToxicsTest extends ToxiproxyServerTestBase {
    private static final long SCHEDULING_SLACK_MILLIS = 750;

    @Test
    void latencyAddedChangedAndRemovedOnAnOpenConnection() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Socket socket = connect(proxy);
        assertThat(roundTripMillis(socket, "before")).as("no toxic yet").isLessThan(300);

        Latency latency = proxy.toxics().latency("added-live", DOWNSTREAM, 300);
        assertThat(roundTripMillis(socket, "added")).as("latency added to the open connection")
                .isBetween(300L, 300L + SCHEDULING_SLACK_MILLIS);

        latency.setLatency(600);
        assertThat(roundTripMillis(socket, "changed")).as("latency raised on the open connection")
                .isBetween(600L, 600L + SCHEDULING_SLACK_MILLIS);

        latency.remove();
        assertThat(roundTripMillis(socket, "removed")).as("latency removed from the open connection").isLessThan(300);
    }

    @Test
    void latencyRemovedReleasesDataItWasHolding() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Socket socket = connect(proxy);
        Latency latency = proxy.toxics().latency("very-slow", DOWNSTREAM, 5_000);

        long start = System.nanoTime();
        socket.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(200); // let the echo reach the proxy and be held
        latency.remove();

        assertThat(socket.getInputStream().readNBytes(4)).asString().isEqualTo("held");
        assertThat(millisSince(start)).as("released when the toxic went, not after 5 s").isLessThan(2_000);
    }

    @Test
    void bandwidthAddedToAnOpenConnection() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Socket socket = connect(proxy);
        roundTripMillis(socket, "before");

        proxy.toxics().bandwidth("narrow", DOWNSTREAM, 200); // KB/s: 1 s for 200 KB
        byte[] payload = pattern(200_000);
        long start = System.nanoTime();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> write(socket, payload));
        byte[] echoed = socket.getInputStream().readNBytes(payload.length);
        long millis = millisSince(start);
        sending.join();

        assertThat(echoed).isEqualTo(payload);
        assertThat((double) payload.length / millis)
                .as("measured rate of the open connection in KB/s (%d ms for 200 KB)", millis)
                .isCloseTo(200.0, within(40.0));
    }

    @Test
    void timeoutAddedToAnOpenConnectionClosesIt() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Socket socket = connect(proxy);
        roundTripMillis(socket, "before");

        long start = System.nanoTime();
        proxy.toxics().timeout("cut", DOWNSTREAM, 300);
        socket.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));

        assertThat(readUntilClosed(socket)).as("data dropped").isEmpty();
        assertThat(millisSince(start)).as("closed 300 ms after the toxic was added")
                .isBetween(300L, 300L + SCHEDULING_SLACK_MILLIS);
    }

    private static void write(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
