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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

@Task(3)
class Task3BulkheadsTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @Test
    void callsPastTheLimitAreRefusedAtOnce() throws Exception {
        Bulkhead bulkhead = new Bulkhead("recommendations", 3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        cleanup.keep(callers::shutdownNow);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(callers.submit(() -> {
                try {
                    return bulkhead.call(() -> {
                        inside.incrementAndGet();
                        try {
                            return release.await(10, TimeUnit.SECONDS) ? "done" : "never released";
                        } catch (InterruptedException e) {
                            return "interrupted";
                        }
                    });
                } catch (BulkheadFullException e) {
                    refused.incrementAndGet();
                    throw e;
                }
            }));
        }
        // Every caller is either inside (held there by the latch) or already refused.
        await().atMost(Duration.ofSeconds(5)).until(() -> inside.get() + refused.get() == 10);
        assertThat(inside.get()).as("callers inside a bulkhead of 3 while 10 call a dependency that does not answer; "
                + "more than 3 means a slow dependency can still take every worker").isEqualTo(3);
        assertThat(bulkhead.available()).as("permits free while 3 calls are in progress").isZero();
        release.countDown();
        int done = 0;
        for (Future<String> call : calls) {
            try {
                done += call.get().equals("done") ? 1 : 0;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).as("what a refused caller gets").isInstanceOf(BulkheadFullException.class);
            }
        }
        assertThat(done).as("calls that went through and returned their value").isEqualTo(3);
        assertThat(bulkhead.available()).as("permits free once every call has returned").isEqualTo(3);
    }

    @Test
    void aFailedCallGivesItsPermitBack() {
        Bulkhead bulkhead = new Bulkhead("payments", 2);
        IllegalStateException boom = new IllegalStateException("dependency failed");
        for (int i = 0; i < 5; i++) {
            Throwable thrown = catchThrowable(() -> bulkhead.call(() -> {
                throw boom;
            }));
            assertThat(thrown).as("what the caller sees when the call inside the bulkhead throws: the same exception").isSameAs(boom);
        }
        assertThat(bulkhead.available()).as("permits free after 5 calls that threw; fewer means a failure leaks a permit "
                + "and the bulkhead shrinks until it refuses everything").isEqualTo(2);
    }

    @Test
    void tryEnterTakesAPermitAndLeaveGivesItBack() {
        Bulkhead bulkhead = new Bulkhead("recommendations", 2);
        assertThat(bulkhead.tryEnter()).as("first of 2 permits").isTrue();
        assertThat(bulkhead.tryEnter()).as("second of 2 permits").isTrue();
        assertThat(bulkhead.tryEnter()).as("a third caller of a bulkhead of 2").isFalse();
        assertThat(bulkhead.available()).isZero();
        bulkhead.leave();
        assertThat(bulkhead.available()).as("after one leave()").isEqualTo(1);
        assertThat(bulkhead.tryEnter()).as("a caller after one left").isTrue();
    }

    @Test
    void withBulkheadsPaymentsSurviveSlowRecommendations() throws Exception {
        Backend recommendations = cleanup.keep(Backend.recommendations());
        Backend payments = cleanup.keep(Backend.payments());
        Toxi.Proxied toRecommendations = toxi.localPort("t3-recommendations", recommendations.port());
        Toxi.Proxied toPayments = toxi.localPort("t3-payments", payments.port());
        toPayments.toxics().latency("payments-normal", ToxicDirection.DOWNSTREAM, 60);   // a payment normally takes 60 ms
        // No timeouts at all: the bulkheads alone must keep payments alive.
        Storefront shop = cleanup.keep(Storefront.builder(8)
                .recommendations(new DependencyClient(URI.create("http://" + toRecommendations.address()), Timeouts.none()))
                .payments(new DependencyClient(URI.create("http://" + toPayments.address()), Timeouts.none()))
                .bulkheads(new Bulkhead("recommendations", 2), new Bulkhead("payments", 6))
                .start());
        URI pay = shop.uri("/payments/7");

        Outcomes normal = LoadProbe.requests(pay, 100, 5, Duration.ofSeconds(2), new Outcomes());
        toRecommendations.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 3000);
        cleanup.keep(LoadProbe.pressure(shop.uri("/home?user=ann"), 8, Duration.ofMillis(50)));
        await().atMost(Duration.ofSeconds(5)).until(() -> recommendations.requests() >= 2);
        Outcomes first = LoadProbe.requests(pay, 5, 5, Duration.ofSeconds(2), new Outcomes());
        assertThat(first.successRate()).as("/payments success rate of 5 requests while 8 clients call /home and recommendations "
                + "take 3 s (%s): the 8 workers are all waiting on recommendations. Give each dependency its own bulkhead", Summary.of(first))
                .isEqualTo(1.0);
        Outcomes slow = LoadProbe.requests(pay, 100, 5, Duration.ofSeconds(2), new Outcomes());
        System.out.printf("[Task 3] /payments normally: %s%n[Task 3] /payments with recommendations slow: %s%n", Summary.of(normal), Summary.of(slow));
        assertThat(slow.successRate()).as("/payments success rate while recommendations take 3 s (%s)", Summary.of(slow))
                .isGreaterThanOrEqualTo(0.99);
        double ratio = (double) slow.percentile(99).toNanos() / normal.percentile(99).toNanos();
        assertThat(ratio).as("/payments p99 while recommendations are slow over its normal p99 (%d ms / %d ms): payments "
                + "should not wait behind recommendations", slow.percentile(99).toMillis(), normal.percentile(99).toMillis())
                .isLessThanOrEqualTo(5.0);
    }
}
