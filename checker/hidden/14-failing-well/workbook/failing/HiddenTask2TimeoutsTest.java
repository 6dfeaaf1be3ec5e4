package workbook.failing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

@Task(2)
class HiddenTask2TimeoutsTest {
    private Backend service;

    @BeforeEach
    void start() throws Exception {
        service = Backend.recommendations();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private DependencyClient client(Timeouts timeouts) {
        return new DependencyClient(URI.create("http://127.0.0.1:" + service.port()), timeouts);
    }

    @Test
    void subMillisecondP99sAreKept() {
        assertThat(DependencyClient.timeoutsFor(Duration.ofNanos(1_500_000)))
                .as("timeouts for a p99 of 1.5 ms").isEqualTo(new Timeouts(Duration.ofNanos(1_500_000), Duration.ofNanos(4_500_000)));
        assertThat(DependencyClient.timeoutsFor(Duration.ofSeconds(2)))
                .isEqualTo(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(6)));
        assertThatThrownBy(() -> DependencyClient.timeoutsFor(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every2xxIsAnAnswer() {
        service.answerWith(201);
        assertThat(client(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))).get("/recommendations?user=bo"))
                .as("body of a 201").isEqualTo("book-for-bo,lamp,kettle");
    }

    @Test
    void clientErrorsAndRedirectsAreFailuresWithTheirStatus() {
        for (int status : new int[]{404, 503, 302}) {
            service.answerWith(status);
            Throwable thrown = catchThrowable(() -> client(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))).get("/recommendations?user=bo"));
            assertThat(thrown).as("a %d answer", status).isInstanceOf(DependencyException.class);
            assertThat(((DependencyException) thrown).status()).as("status of a %d answer", status).isEqualTo(status);
        }
    }

    @Test
    void aRefusedConnectionIsAFailedCallWithoutStatus() {
        int port = service.port();
        service.close();
        Throwable thrown = catchThrowable(() -> new DependencyClient(URI.create("http://127.0.0.1:" + port), Timeouts.none()).get("/x"));
        assertThat(thrown).isInstanceOf(DependencyException.class);
        assertThat(((DependencyException) thrown).status()).isZero();
    }

    @Test
    void aConnectionThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws Exception {
        // A listener whose accept queue is full: the kernel drops further SYNs, so a connect never completes.
        List<Socket> filling = new ArrayList<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 100);
                    filling.add(socket);
                } catch (java.io.IOException queueFull) {
                    socket.close();
                    break;
                }
            }
            DependencyClient client = new DependencyClient(URI.create("http://127.0.0.1:" + full.getLocalPort()),
                    new Timeouts(Duration.ofMillis(150), Duration.ofSeconds(10)));
            Future<String> call = caller.submit(() -> client.get("/recommendations?user=bo"));
            try {
                call.get(2500, TimeUnit.MILLISECONDS);
                fail("a call to a port that never accepts returned a value");
            } catch (TimeoutException stillWaiting) {
                fail("a call to a port that never accepts the connection was still waiting after 2.5 s, with a connect timeout of 150 ms");
            } catch (ExecutionException failed) {
                assertThat(failed.getCause()).isInstanceOf(DependencyException.class);
            }
        } finally {
            caller.shutdownNow();
            for (Socket socket : filling) {
                socket.close();
            }
        }
    }

    @Test
    void anInterruptedCallFailsAndKeepsTheInterrupt() throws Exception {
        // A listener that never answers: the connection is made, the request sent, and no response comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DependencyClient client = new DependencyClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()), Timeouts.none());
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
            Thread caller = new Thread(() -> {
                try {
                    client.get("/recommendations?user=bo");
                } catch (Throwable t) {
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                    thrown.set(t);
                }
            });
            caller.start();
            caller.interrupt();
            caller.join(5000);
            assertThat(thrown.get()).as("what an interrupted call throws").isInstanceOf(DependencyException.class);
            assertThat(stillInterrupted.get()).as("the caller's interrupt flag after the call gave up: swallowing an "
                    + "interrupt hides a shutdown from the code above").isTrue();
        }
    }
}
