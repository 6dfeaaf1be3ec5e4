package workbook.failing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Resilience4j's TimeLimiter bounds a call from outside, where Task 2 bounds it inside the HTTP client:
 * the same slow dependency, a client with no timeouts, 150 ms, and the waiting thread is interrupted.
 */
@Task(2)
class Resilience4jTimeLimiterContractTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    void aSlowCallIsAbandonedAfterTheLimitAndItsThreadInterrupted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Backend recommendations = Backend.recommendations()) {
            Toxi.Proxied proxied = toxi.localPort("r4j-recommendations", recommendations.port());
            proxied.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 3000);
            DependencyClient noTimeouts = new DependencyClient(URI.create("http://" + proxied.address()), Timeouts.none());
            TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                    .timeoutDuration(Duration.ofMillis(150)).cancelRunningFuture(true).build());
            AtomicReference<Throwable> seenByTheCall = new AtomicReference<>();
            Throwable thrown = catchThrowable(() -> limiter.executeFutureSupplier(() -> pool.submit(() -> {
                try {
                    return noTimeouts.get("/recommendations?user=ann");
                } catch (DependencyException e) {
                    seenByTheCall.set(e);
                    throw e;
                }
            })));
            assertThat(thrown).as("what the caller gets after 150 ms").isInstanceOf(TimeoutException.class);
            await().atMost(Duration.ofSeconds(2)).until(() -> seenByTheCall.get() != null);
            assertThat(seenByTheCall.get()).as("the abandoned call was interrupted, so its thread is free again")
                    .isInstanceOf(DependencyException.class);
        } finally {
            pool.shutdownNow();
        }
    }
}
