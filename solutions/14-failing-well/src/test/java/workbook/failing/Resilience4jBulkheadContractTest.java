package workbook.failing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

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
import static org.awaitility.Awaitility.await;

/**
 * Resilience4j's semaphore Bulkhead with Task 3's contract: 3 concurrent calls, no waiting for a
 * permit (maxWaitDuration 0), refused calls fail at once, a failed call gives its permit back.
 */
@Task(3)
class Resilience4jBulkheadContractTest {
    private static Bulkhead bulkhead(int max) {
        return Bulkhead.of("recommendations", BulkheadConfig.custom().maxConcurrentCalls(max).maxWaitDuration(Duration.ZERO).build());
    }

    @Test
    void callsPastTheLimitAreRefusedAtOnce() throws Exception {
        Bulkhead bulkhead = bulkhead(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(callers.submit(() -> {
                    try {
                        return bulkhead.executeCallable(() -> {
                            inside.incrementAndGet();
                            return release.await(10, TimeUnit.SECONDS) ? "done" : "never released";
                        });
                    } catch (BulkheadFullException e) {
                        refused.incrementAndGet();
                        throw e;
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> inside.get() + refused.get() == 10);
            assertThat(inside.get()).isEqualTo(3);
            assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero();
            release.countDown();
            int done = 0;
            for (Future<String> call : calls) {
                try {
                    done += call.get().equals("done") ? 1 : 0;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BulkheadFullException.class);
                }
            }
            assertThat(done).isEqualTo(3);
            assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedCallGivesItsPermitBack() {
        Bulkhead bulkhead = bulkhead(2);
        for (int i = 0; i < 5; i++) {
            try {
                bulkhead.executeSupplier(() -> {
                    throw new IllegalStateException("dependency failed");
                });
            } catch (IllegalStateException expected) {
                // the same exception, as with the lab's bulkhead
            }
        }
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
        assertThat(bulkhead.tryAcquirePermission()).isTrue();
        assertThat(bulkhead.tryAcquirePermission()).isTrue();
        assertThat(bulkhead.tryAcquirePermission()).isFalse();
        bulkhead.onComplete();
        assertThat(bulkhead.tryAcquirePermission()).isTrue();
    }
}
