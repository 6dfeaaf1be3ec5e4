package workbook.labkit.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.rekawek.toxiproxy.Proxy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Each toxic, measured from the client's side of a real TCP connection. Timing margins are wide at
 * the top (the build machine may be busy) but every lower bound is the toxic's own number.
 */
class ToxicsTest extends ToxiproxyServerTestBase {
    /** How much later than ideal a loaded machine may deliver; an order of magnitude below what a broken toxic would show. */
    private static final long SCHEDULING_SLACK_MILLIS = 750;

    @Test
    void latencyDelaysEveryRoundTripByAtLeastTheLatency() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        assertThat(roundTripMillis(connect(proxy), "baseline")).as("round trip without toxics").isLessThan(250);

        proxy.toxics().latency("slow-responses", DOWNSTREAM, 250);
        Socket socket = connect(proxy);
        for (int i = 0; i < 3; i++) {
            assertThat(roundTripMillis(socket, "ping " + i))
                    .as("round trip %d through 250 ms of downstream latency", i)
                    .isBetween(250L, 250L + SCHEDULING_SLACK_MILLIS);
        }
    }

    @Test
    void latencyDelaysEachPieceOfDataFromItsArrivalSoMessagesOverlap() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().latency("slow-responses", DOWNSTREAM, 500);
        Socket socket = connect(proxy);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            socket.getOutputStream().write(("msg-" + i).getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(50);
        }
        byte[] echoed = socket.getInputStream().readNBytes(25);
        long millis = millisSince(start);

        assertThat(new String(echoed, StandardCharsets.US_ASCII)).isEqualTo("msg-0msg-1msg-2msg-3msg-4");
        assertThat(millis).as("5 messages 50 ms apart through 500 ms of latency: about 700 ms, not 5 x 500 ms")
                .isBetween(700L, 1_500L);
    }

    @Test
    void latencyOnBothStreamsAddsUp() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().latency("slow-requests", UPSTREAM, 150);
        proxy.toxics().latency("slow-responses", DOWNSTREAM, 150);

        assertThat(roundTripMillis(connect(proxy), "ping"))
                .as("150 ms each way")
                .isBetween(300L, 300L + SCHEDULING_SLACK_MILLIS);
    }

    @Test
    void jitterKeepsEachDelayWithinLatencyPlusOrMinusJitter() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().latency("jittery", DOWNSTREAM, 200).setJitter(100);

        Socket socket = connect(proxy);
        for (int i = 0; i < 4; i++) {
            assertThat(roundTripMillis(socket, "ping " + i))
                    .as("200 ms +/- 100 ms of latency")
                    .isBetween(100L, 300L + SCHEDULING_SLACK_MILLIS);
        }
    }

    @Test
    void bandwidthHoldsTheTransferToTheRate() throws Exception {
        byte[] payload = pattern(300_000);
        Proxy proxy = proxyTo(upstreamSending(payload));
        proxy.toxics().bandwidth("narrow", DOWNSTREAM, 200); // KB/s, so 1.5 s for 300 KB

        long start = System.nanoTime();
        byte[] received = readUntilClosed(connect(proxy));
        long millis = millisSince(start);

        assertThat(received).as("every byte arrives, in order").isEqualTo(payload);
        double kilobytesPerSecond = (double) payload.length / millis;
        assertThat(kilobytesPerSecond)
                .as("measured rate for 300 KB in %d ms, limit 200 KB/s", millis)
                .isCloseTo(200.0, within(40.0));
    }

    @Test
    void limitDataClosesAfterExactlyTheLimit() throws Exception {
        byte[] payload = pattern(5_000);
        Proxy proxy = proxyTo(upstreamSending(payload));
        proxy.toxics().limitData("first-kilobyte", DOWNSTREAM, 1_000);

        byte[] received = readUntilClosed(connect(proxy));

        assertThat(received).as("the first 1000 bytes, then the end of the stream")
                .isEqualTo(Arrays.copyOf(payload, 1_000));
    }

    @Test
    void limitDataCountsAcrossSeveralWrites() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().limitData("ten-bytes", DOWNSTREAM, 10);

        Socket socket = connect(proxy);
        socket.getOutputStream().write("12345".getBytes(StandardCharsets.US_ASCII));
        assertThat(socket.getInputStream().readNBytes(5)).asString().isEqualTo("12345");
        socket.getOutputStream().write("67890abcdef".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(readUntilClosed(socket), StandardCharsets.US_ASCII))
                .as("only bytes 6 to 10 of the second response arrive, then the connection closes")
                .isEqualTo("67890");
    }

    @Test
    void timeoutDropsDataAndClosesAfterTheTimeout() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().timeout("stall", DOWNSTREAM, 300);

        long start = System.nanoTime();
        Socket socket = connect(proxy);
        socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        byte[] received = readUntilClosed(socket);
        long millis = millisSince(start);

        assertThat(received).as("data is dropped while the timeout toxic is active").isEmpty();
        assertThat(millis).as("closed after the 300 ms timeout").isBetween(300L, 300L + SCHEDULING_SLACK_MILLIS);
    }

    @Test
    void timeoutRestartsOnEveryPieceOfDataAndClosesOnlyAfterThatLongWithoutData() throws Exception {
        long timeoutMillis = 400;
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().timeout("idle", UPSTREAM, timeoutMillis);
        Socket socket = connect(proxy);

        // Steady traffic, a byte every 50 ms for three times the timeout: Toxiproxy's timer starts
        // again on each, so the connection must stay open (data is dropped all the while).
        long start = System.nanoTime();
        long lastWrite = start;
        while (millisSince(start) < 3 * timeoutMillis) {
            try {
                socket.getOutputStream().write('x');
            } catch (IOException closed) {
                throw new AssertionError("the proxy closed the connection " + millisSince(start) + " ms in, while data "
                        + "kept flowing every 50 ms through a " + timeoutMillis + " ms timeout toxic", closed);
            }
            lastWrite = System.nanoTime();
            Thread.sleep(50);
        }
        socket.setSoTimeout(100);
        assertThatThrownBy(() -> socket.getInputStream().read())
                .as("still open after %d ms of data every 50 ms through a %d ms timeout", millisSince(start), timeoutMillis)
                .isInstanceOf(SocketTimeoutException.class);

        // Then silence: closed once the timeout has passed since the last data.
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        assertThat(socket.getInputStream().read()).as("closed after the silence").isEqualTo(-1);
        assertThat(millisSince(lastWrite)).as("closed %d ms after the last data", timeoutMillis)
                .isBetween(timeoutMillis, timeoutMillis + SCHEDULING_SLACK_MILLIS);
    }

    @Test
    void timeoutZeroStallsTheConnectionUntilTheToxicIsRemoved() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        var stall = proxy.toxics().timeout("stall-forever", DOWNSTREAM, 0);

        Socket stalled = connect(proxy);
        stalled.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        stalled.setSoTimeout(700);
        assertThatThrownBy(() -> stalled.getInputStream().read())
                .as("with timeout 0 nothing comes back and the connection stays open")
                .isInstanceOf(SocketTimeoutException.class);

        stall.remove();

        stalled.setSoTimeout(READ_TIMEOUT_MILLIS);
        assertThat(stalled.getInputStream().read())
                .as("removing a timeout toxic closes the connections it stalled (their data is lost), as Toxiproxy does")
                .isEqualTo(-1);
        assertThat(roundTripMillis(connect(proxy), "hello again")).as("new connections flow again").isLessThan(1_000);
    }

    @Test
    void resetPeerResetsTheConnectionAfterTheTimeout() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().resetPeer("rst", DOWNSTREAM, 300);

        Socket socket = connect(proxy);
        long start = System.nanoTime();
        socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();

        assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        assertThat(millisSince(start)).as("reset 300 ms after the first data").isBetween(300L, 300L + SCHEDULING_SLACK_MILLIS);
    }

    @Test
    void slowCloseDelaysTheCloseButNotTheData() throws Exception {
        Proxy proxy = proxyTo(upstreamSending("bye".getBytes(StandardCharsets.US_ASCII)));
        proxy.toxics().slowClose("lingering", DOWNSTREAM, 400);

        long start = System.nanoTime();
        Socket socket = connect(proxy);
        assertThat(socket.getInputStream().readNBytes(3)).asString().isEqualTo("bye");
        long dataMillis = millisSince(start);
        assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        long closeMillis = millisSince(start);

        assertThat(closeMillis).as("close delayed by 400 ms").isBetween(400L, 400L + SCHEDULING_SLACK_MILLIS);
        assertThat(dataMillis).as("data is not delayed").isLessThan(closeMillis);
    }

    @Test
    void slicerDeliversEveryByteInSeveralPieces() throws Exception {
        byte[] payload = pattern(10_000);
        Proxy proxy = proxyTo(upstreamSending(payload));
        // About 10 pieces of 800..1200 bytes, 20 ms apart (delay is in microseconds).
        proxy.toxics().slicer("sliced", DOWNSTREAM, 1_000, 20_000).setSizeVariation(200);

        Socket socket = connect(proxy);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[payload.length];
        int reads = 0;
        int count;
        while ((count = in.read(buffer)) != -1) {
            received.write(buffer, 0, count);
            reads++;
        }

        assertThat(received.toByteArray()).as("bytes intact and in order").isEqualTo(payload);
        assertThat(reads).as("the 10 000 bytes were sent in one write but arrive in pieces").isGreaterThanOrEqualTo(3);
    }

    @Test
    void toxicityZeroNeverApplies() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        proxy.toxics().latency("never", DOWNSTREAM, 1_000).setToxicity(0f);

        for (int i = 0; i < 10; i++) {
            assertThat(roundTripMillis(connect(proxy), "ping " + i))
                    .as("connection %d: a toxic with toxicity 0 applies to no connection", i)
                    .isLessThan(1_000);
        }
    }

    @Test
    void toxicityOneAlwaysApplies() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        var latency = proxy.toxics().latency("sometimes", DOWNSTREAM, 300);
        latency.setToxicity(0f);
        latency.setToxicity(1f);

        for (int i = 0; i < 3; i++) {
            assertThat(roundTripMillis(connect(proxy), "ping " + i)).as("connection %d", i).isGreaterThanOrEqualTo(300);
        }
    }
}
