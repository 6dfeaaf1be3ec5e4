package workbook.failing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

@Task(4)
class Task4LoadSheddingTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    void pastTheLimitRequestsAreRefusedAtOnceWith503AndRetryAfter() throws Exception {
        LoadShedder shedder = new LoadShedder(3, Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> shedder.serve(() -> {
                    handled.incrementAndGet();
                    try {
                        return release.await(10, TimeUnit.SECONDS) ? Response.of(200, "ok") : Response.of(500, "never released");
                    } catch (InterruptedException e) {
                        return Response.of(500, "interrupted");
                    }
                })));
            }
            // 7 answers come back while the 3 admitted requests are still held: they did not wait for a slot.
            await().atMost(Duration.ofSeconds(5)).until(() -> answers.stream().filter(Future::isDone).count() + handled.get() >= 10);
            assertThat(handled.get()).as("requests let in by a shedder with 3 slots while 10 arrive and none finishes; "
                    + "more than 3 means the queue in front of the workers is unbounded").isEqualTo(3);
            assertThat(shedder.inFlight()).as("requests in flight while 3 are held").isEqualTo(3);
            List<Response> refused = new ArrayList<>();
            for (Future<Response> answer : answers) {
                if (answer.isDone()) {
                    refused.add(answer.get());
                }
            }
            assertThat(refused).as("requests answered while the 3 admitted ones are still held").hasSize(7);
            for (Response response : refused) {
                assertThat(response.status()).as("status of a refused request").isEqualTo(503);
                assertThat(response.headers()).as("headers of a 503: Retry-After tells a client when to come back")
                        .containsEntry("Retry-After", "1");
            }
            release.countDown();
            for (Future<Response> answer : answers) {
                assertThat(answer.get().status()).as("every answer once released").isIn(200, 503);
            }
            assertThat(shedder.inFlight()).as("requests in flight once every one has finished").isZero();
            assertThat(shedder.serve(() -> Response.of(200, "later")).status()).as("a request after the others finished").isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(retryAfter(Duration.ofMillis(1500))).as("Retry-After for 1.5 s (whole seconds, rounded up)").isEqualTo("2");
        assertThat(retryAfter(Duration.ofSeconds(5))).as("Retry-After for 5 s").isEqualTo("5");
        assertThat(retryAfter(Duration.ofMillis(200))).as("Retry-After for 200 ms: at least 1").isEqualTo("1");
    }

    private static String retryAfter(Duration wait) {
        LoadShedder shedder = new LoadShedder(1, wait);
        return shedder.serve(() -> shedder.serve(() -> Response.of(200, "inner"))).headers().get("Retry-After");
    }

    @Test
    void aFailedRequestGivesItsSlotBack() {
        LoadShedder shedder = new LoadShedder(1, Duration.ofSeconds(1));
        IllegalStateException boom = new IllegalStateException("handler failed");
        Throwable thrown = catchThrowable(() -> shedder.serve(() -> {
            throw boom;
        }));
        assertThat(thrown).as("what serve() does when the request throws: the same exception").isSameAs(boom);
        assertThat(shedder.inFlight()).as("requests in flight after one failed").isZero();
        assertThat(shedder.serve(() -> Response.of(200, "next")).status()).as("the next request, with 1 slot").isEqualTo(200);
    }

    @Test
    void atTheFrontDoorOnlyTheSlotsGetInAndEveryoneElseHearsAtOnce() throws Exception {
        try (Backend payments = Backend.payments()) {
            Toxi.Proxied toPayments = toxi.localPort("t4-payments", payments.port());
            toPayments.toxics().latency("payments-stuck", ToxicDirection.DOWNSTREAM, 3000);
            LoadShedder shedder = new LoadShedder(8, Duration.ofSeconds(1));
            try (Storefront shop = Storefront.builder(4)
                    .payments(new DependencyClient(URI.create("http://" + toPayments.address()), Timeouts.none()))
                    .frontDoor(shedder).start()) {
                // 24 requests at once (3 times the 8 slots); payments take 3 s, so nothing admitted finishes during the test.
                Outcomes early = new Outcomes();
                Thread clients = new Thread(() -> LoadProbe.requests(shop.uri("/payments/7"), 24, 24, Duration.ofSeconds(5), early));
                clients.start();
                try {
                    await().atMost(Duration.ofSeconds(2)).until(() -> early.total() >= 16);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("24 requests arrived at a storefront with a shedder of 8 slots, and after 2 s only "
                            + early.total() + " had an answer; the 16 over the limit should be refused at once with 503, not "
                            + "queued behind requests that take 3 s (Task 4)");
                }
                int answeredEarly = early.total();
                assertThat(early.count(503)).as("503 answers to the 24 requests while the 8 admitted ones still wait on "
                        + "payments (%s)", Summary.of(early)).isEqualTo(16);
                assertThat(answeredEarly).as("answers before the admitted ones finished").isEqualTo(16);
                assertThat(shedder.inFlight()).as("requests in flight at the front door").isEqualTo(8);
                await().atMost(Duration.ofSeconds(2)).until(() -> payments.requests() >= 4);
                assertThat(payments.requests()).as("payments calls started: only the 4 workers work, whatever the load")
                        .isEqualTo(4);
                clients.interrupt();
            }
        }
    }
}
