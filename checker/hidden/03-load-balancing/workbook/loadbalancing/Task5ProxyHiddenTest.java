package workbook.loadbalancing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.loadbalancing.ProxyInternals.backend;
import static workbook.loadbalancing.ProxyInternals.holdingBackend;
import static workbook.loadbalancing.ProxyInternals.refusing;
import static workbook.loadbalancing.ProxyInternals.serverOf;

/** The books the proxy keeps around each request, its limits, and how it stops. */
@Task(5)
class Task5ProxyHiddenTest {
    /** Probes only when a test calls them: the timer's first run is a minute away. */
    private static final Duration NO_TIMER = Duration.ofMinutes(1);
    private static final Balancer FIRST_CANDIDATE = (servers, clientKey) -> servers.get(0);
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(ReverseProxy proxy, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(proxy.uri().resolve(path)).timeout(Duration.ofSeconds(8)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestIsTriedOnTwoServersAtMost() throws Exception {
        HttpServer live = backend("live", 200);
        try {
            Pool pool = new Pool("web", FIRST_CANDIDATE, 5,
                    List.of(refusing("down-1"), refusing("down-2"), serverOf("live", live)));
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), NO_TIMER)) {
                HttpResponse<String> response = get(proxy, "/item");

                assertThat(response.statusCode())
                        .as("the first two servers refuse the GET; one retry is allowed, so the third is never asked "
                                + "(a proxy that keeps retrying multiplies the load of an outage). Body: %s", response.body())
                        .isEqualTo(502);
            }
        } finally {
            live.stop(0);
        }
    }

    @Test
    void a502AfterFailedAttemptsNamesEachServerThatFailed() throws Exception {
        Pool pool = new Pool("web", FIRST_CANDIDATE, 5, List.of(refusing("down-1"), refusing("down-2")));
        try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), NO_TIMER)) {
            HttpResponse<String> response = get(proxy, "/item");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).as("the 502 after two refused connections: it names the pool and each server tried")
                    .contains("web", "down-1", "down-2");
        }
    }

    @Test
    void theServerCountsTheRequestWhileItIsInFlight() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer holding = holdingBackend(received, release);
        try {
            Server server = serverOf("holding", holding);
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(Pool.of("web", new RoundRobin(), server)), NO_TIMER)) {
                CompletableFuture<HttpResponse<String>> answer = client.sendAsync(
                        HttpRequest.newBuilder(proxy.uri().resolve("/slow")).timeout(Duration.ofSeconds(8)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(received.await(5, TimeUnit.SECONDS)).as("the backend received the request").isTrue();
                assertThat(server.activeConnections()).as("requests in flight on the server while it holds one").isEqualTo(1);
                release.countDown();
                assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(server.activeConnections()).as("requests in flight once it answered").isZero();
            }
        } finally {
            release.countDown();
            holding.stop(0);
        }
    }

    @Test
    void aSuccessThroughTheProxyEndsTheServersStreakOfFailures() throws Exception {
        HttpServer live = backend("live", 200);
        try {
            Server server = serverOf("live", live);
            Pool pool = new Pool("web", new RoundRobin(), 3, List.of(server));
            pool.recordFailure(server);
            pool.recordFailure(server);
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), NO_TIMER)) {
                assertThat(get(proxy, "/item").statusCode()).isEqualTo(200);
            }
            assertThat(pool.consecutiveFailures(server))
                    .as("failures in a row after two failures and then a request the server answered").isZero();
        } finally {
            live.stop(0);
        }
    }

    @Test
    void aProbeAnswered500LeavesTheServerEjected() throws Exception {
        HttpServer failing = backend("failing", 500);
        try {
            Server server = serverOf("failing", failing);
            Pool pool = new Pool("web", new RoundRobin(), 1, List.of(server, Server.named("other")));
            pool.recordFailure(server);
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), NO_TIMER)) {
                proxy.probeEjectedServers();
            }
            assertThat(pool.isEjected(server)).as("a server whose /health answers 500 after a probe").isTrue();
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void interruptedWhileWaitingTheProxyAnswers502AndStaysInterrupted() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer holding = holdingBackend(received, release);
        try {
            Server server = serverOf("holding", holding);
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(Pool.of("web", new RoundRobin(), server)), NO_TIMER)) {
                ProxyInternals.RecordingExchange exchange = new ProxyInternals.RecordingExchange("GET", "/slow");
                AtomicBoolean interruptedAfter = new AtomicBoolean();
                Thread handler = new Thread(() -> {
                    try {
                        proxy.handle(exchange, new ProxyBase.Incoming("test.local", "/slow", "GET", new byte[0], "127.0.0.1"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    interruptedAfter.set(Thread.currentThread().isInterrupted());
                }, "handler-under-test");
                handler.start();
                assertThat(received.await(5, TimeUnit.SECONDS)).as("the backend received the request").isTrue();
                handler.interrupt(); // what shutting the proxy's handler threads down does
                handler.join(5_000);

                assertThat(handler.isAlive()).as("the handler still waits for the server after its thread was interrupted").isFalse();
                assertThat(exchange.status()).as("the answer of a handler interrupted while it waited; body: %s", exchange.body())
                        .isEqualTo(502);
                assertThat(interruptedAfter).as("the thread's interrupt status once the handler returned: set again, so "
                        + "whoever interrupted it (a shutdown) still sees it").isTrue();
                assertThat(server.activeConnections()).as("requests in flight after the interrupted one").isZero();
            }
        } finally {
            release.countDown();
            holding.stop(0);
        }
    }

    @Test
    void anInterruptedProbeStopsAndStaysInterrupted() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer holding = holdingBackend(received, release);
        AtomicInteger probes = new AtomicInteger();
        HttpServer counted = backend("counted", 200);
        counted.removeContext("/");
        counted.createContext("/", exchange -> {
            probes.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try {
            Server hanging = serverOf("hanging", holding);
            Server next = serverOf("next", counted);
            Pool pool = new Pool("web", new RoundRobin(), 1, List.of(hanging, next, Server.named("spare")));
            pool.recordFailure(hanging);
            pool.recordFailure(next);
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), NO_TIMER)) {
                AtomicBoolean interruptedAfter = new AtomicBoolean();
                Thread prober = new Thread(() -> {
                    proxy.probeEjectedServers();
                    interruptedAfter.set(Thread.currentThread().isInterrupted());
                }, "prober-under-test");
                prober.start();
                assertThat(received.await(5, TimeUnit.SECONDS)).as("the first ejected server received its probe").isTrue();
                prober.interrupt(); // what shutting the proxy's timer down does
                prober.join(5_000);

                assertThat(prober.isAlive()).as("the probe round is still running after its thread was interrupted").isFalse();
                assertThat(interruptedAfter).as("the thread's interrupt status once the probes returned").isTrue();
                assertThat(probes).as("probes sent after the interrupt: an interrupted round stops").hasValue(0);
            }
        } finally {
            release.countDown();
            holding.stop(0);
            counted.stop(0);
        }
    }
}
