package workbook.loadbalancing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live lab: the proxy you finish in this task, in front of three real HTTP backends on loopback.
 * The third backend is reached through Toxiproxy, which can slow it down (a latency toxic) or cut it
 * off (a disabled proxy).
 */
@Task(5)
class Task5LiveProxyTest {
    static final int REQUESTS = 120;
    static final int CLIENTS = 8;
    static final int SLOW_MILLIS = 400;

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static TestBackend fastA;
    static TestBackend fastB;
    static TestBackend third;
    static Toxi.Proxied toThird;

    @BeforeAll
    static void startBackends() {
        fastA = TestBackend.start("fast-a");
        fastB = TestBackend.start("fast-b");
        third = TestBackend.start("third");
        toThird = toxi.localPort("third", third.port());
    }

    @AfterAll
    static void stopBackends() {
        for (TestBackend backend : new TestBackend[]{fastA, fastB, third}) {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @BeforeEach
    void resetCounts() {
        fastA.resetCounts();
        fastB.resetCounts();
        third.resetCounts();
    }

    @Test
    void leastConnectionsSeesTheSlowBackendThatRoundRobinCannot() throws Exception {
        toThird.toxics().latency("slow-backend", ToxicDirection.DOWNSTREAM, SLOW_MILLIS);

        Measured roundRobin = measure(new RoundRobin());
        Measured leastConnections = measure(new LeastConnections(new Random(7)));
        System.out.printf("[lab 03] %d requests, %d clients, third backend slowed by %d ms%n"
                + "  round-robin:       %s%n  least connections: %s%n", REQUESTS, CLIENTS, SLOW_MILLIS, roundRobin, leastConnections);

        assertThat(roundRobin.slow)
                .as("requests the slow backend got out of %d with round-robin (%s): a third, because "
                        + "round-robin reads no signal and cannot see that it is slow", REQUESTS, roundRobin)
                .isBetween(REQUESTS * 9 / 30, REQUESTS * 11 / 30);
        assertThat(roundRobin.p99)
                .as("p99 with round-robin (%s), in ms: a third of the requests wait for the %d ms backend, "
                        + "so the p99 is the slow backend's latency", roundRobin, SLOW_MILLIS)
                .isGreaterThanOrEqualTo(SLOW_MILLIS * 0.9);
        assertThat(leastConnections.slow)
                .as("requests the slow backend got out of %d with least connections (%s). A slow backend "
                        + "holds its requests longer, so its active-connection count stays higher and it should "
                        + "get far fewer, under %d. Many more usually means the proxy never tells the servers that a "
                        + "request started and ended (connectionOpened / connectionClosed), so every count reads 0",
                        REQUESTS, leastConnections, REQUESTS / 10)
                .isLessThan(REQUESTS / 10);
        assertThat(roundRobin.p75 / leastConnections.p75)
                .as("p75 latency, round-robin %s ms against least connections %s ms. With round-robin every "
                        + "request from the 67th percentile up waited for the slow backend; once it gets under a "
                        + "tenth of the traffic the p75 should drop at least 3 times (look at the p99 printed above "
                        + "too: it barely moves while the slow backend still gets a few percent)",
                        roundRobin.p75, leastConnections.p75)
                .isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void aDeadBackendIsEjectedAfterThreeFailuresAndReadmittedAfterAProbe() {
        requireFinished(new RoundRobin(), servers());
        CountingBalancer balancer = new CountingBalancer(new RoundRobin());
        Pool pool = new Pool("web", balancer, 3, servers());
        Server thirdServer = pool.servers().get(2);
        try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), Duration.ofMillis(100))) {
            toThird.disable();
            List<Http.Reply> whileDown = getMany(proxy.uri(), 30);

            assertThat(whileDown)
                    .as("30 GETs while the third backend is down; a GET is idempotent, so a failed attempt must "
                            + "be retried on another backend and every client must get its 200")
                    .allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
            assertThat(balancer.picksOf("third"))
                    .as("attempts sent to the dead backend during 30 requests; after 3 failures in a row it must "
                            + "be ejected and get no more traffic (a dead server that keeps getting requests costs "
                            + "every one of them a failed attempt)")
                    .isEqualTo(3);
            assertThat(balancer.totalPicks())
                    .as("attempts for 30 requests with 3 failures: each failed request retried exactly once")
                    .isEqualTo(33);
            assertThat(pool.isEjected(thirdServer)).as("third backend ejected after 3 failures").isTrue();

            toThird.enable();
            await("the third backend is back: the proxy should probe ejected servers ("
                            + ReverseProxy.HEALTH_PATH + ") and readmit it after a successful probe")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !pool.isEjected(thirdServer));
            third.resetCounts();
            List<Http.Reply> afterRecovery = getMany(proxy.uri(), 30);
            assertThat(afterRecovery).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
            assertThat(third.served())
                    .as("requests the readmitted backend served out of 30 with round-robin over 3 backends")
                    .isEqualTo(10);
        }
    }

    @Test
    void aPostThatNoServerReceivedIsRetriedOnAnother() {
        requireFinished(new RoundRobin(), servers());
        CountingBalancer balancer = new CountingBalancer(new RoundRobin());
        Pool pool = new Pool("orders", balancer, 3, servers());
        try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), Duration.ofMillis(100))) {
            toThird.disable(); // connections to the third backend are refused: nothing reaches it
            List<Http.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(Http.send(proxy.uri(), "POST", "localhost", "/orders"));
            }

            assertThat(replies).as("answers to 3 POSTs sent round-robin while the third backend refuses connections: "
                    + "a refused connection means the backend never saw the request, so retrying it elsewhere is safe "
                    + "whatever the method").allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
            assertThat(fastA.posts() + fastB.posts()).as("POSTs the live backends received: 3, one of them the retry")
                    .isEqualTo(3);
            assertThat(balancer.totalPicks()).as("attempts for 3 POSTs: one each, plus one retry").isEqualTo(4);
        }
    }

    @Test
    void aPostTheServerReceivedIsNotRetried() {
        requireFinished(new RoundRobin(), servers());
        CountingBalancer balancer = new CountingBalancer(new RoundRobin());
        Pool pool = new Pool("orders", balancer, 3, servers());
        try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), Duration.ofMillis(100))) {
            // The third backend receives every request and acts on it; its answer is cut by a reset.
            toThird.toxics().resetPeer("reset-answers", ToxicDirection.DOWNSTREAM, 0);
            List<Http.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(Http.send(proxy.uri(), "POST", "localhost", "/orders"));
            }

            assertThat(replies.stream().filter(reply -> reply.status() == 502).count())
                    .as("POSTs answered 502 out of 3 sent round-robin while the third backend's answers are reset: %s. "
                            + "The one the third backend received must fail with 502 (not hang or drop the connection), "
                            + "and must not be retried: the backend acted on it, and a retry would place the order twice",
                            replies)
                    .isEqualTo(1);
            assertThat(third.posts()).as("POSTs the third backend received (and acted on)").isEqualTo(1);
            assertThat(fastA.posts() + fastB.posts())
                    .as("POSTs the live backends received: the two that went to them, and no retry")
                    .isEqualTo(2);
            assertThat(balancer.totalPicks()).as("attempts for 3 POSTs: one each, no retries").isEqualTo(3);
        } catch (IOException e) {
            throw new IllegalStateException("could not add the reset_peer toxic", e);
        }
    }

    private List<Server> servers() {
        return List.of(
                Server.at("fast-a", fastA.uri()),
                Server.at("fast-b", fastB.uri()),
                Server.at("third", URI.create("http://" + toThird.address())));
    }

    /** Fails with the other task's message when the balancer this live test uses is still a stub. */
    private static void requireFinished(Balancer balancer, List<Server> servers) {
        try {
            balancer.pick(servers, "warm-up");
        } catch (UnsupportedOperationException notYet) {
            throw new UnsupportedOperationException("this live test runs your " + balancer.getClass().getSimpleName()
                    + ", so finish it first (" + notYet.getMessage() + ")", notYet);
        }
    }

    private static List<Http.Reply> getMany(URI proxy, int count) {
        List<Http.Reply> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(Http.get(proxy, "localhost", "/page/" + i));
        }
        return replies;
    }

    /** What one run measured: requests per backend and latency percentiles in ms. */
    record Measured(int fastA, int fastB, int slow, double p50, double p75, double p90, double p99, double max, long elapsedMillis) {
        @Override
        public String toString() {
            return String.format("fast-a %d, fast-b %d, slow %d; p50 %.1f ms, p75 %.1f ms, p90 %.1f ms, p99 %.1f ms, %d ms in all",
                    fastA, fastB, slow, p50, p75, p90, p99, elapsedMillis);
        }
    }

    private Measured measure(Balancer balancer) throws Exception {
        List<Server> servers = servers();
        requireFinished(balancer, servers);
        try (ReverseProxy proxy = ReverseProxy.start(Routes.to(Pool.of("web", balancer, servers.toArray(Server[]::new))))) {
            LoadRun.send(proxy.uri(), CLIENTS, CLIENTS); // opens the connections, warms up the JIT
            resetCounts();
            long start = System.nanoTime();
            LoadRun run = LoadRun.send(proxy.uri(), REQUESTS, CLIENTS);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.failures)
                    .as("failed requests through the proxy with %s; first failure: %s", balancer.getClass().getSimpleName(), run.firstFailure)
                    .isZero();
            return new Measured(fastA.served(), fastB.served(), third.served(),
                    run.p50Millis(), run.latencyMicros.getValueAtPercentile(75) / 1000.0,
                    run.latencyMicros.getValueAtPercentile(90) / 1000.0, run.p99Millis(),
                    run.latencyMicros.getMaxValue() / 1000.0, elapsedMillis);
        }
    }
}
