package workbook.failing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(3)
class HiddenTask3BulkheadTest {
    @Test
    void aBulkheadNeedsAPermit() {
        assertThatThrownBy(() -> new Bulkhead("none", 0)).isInstanceOf(IllegalArgumentException.class);
        Bulkhead one = new Bulkhead("one", 1);
        assertThat(one.available()).isEqualTo(1);
        assertThat(one.call(() -> "x")).isEqualTo("x");
        assertThat(one.available()).isEqualTo(1);
    }

    @Test
    void theRefusalNamesTheBulkheadAndLeavesPermitsAlone() {
        Bulkhead bulkhead = new Bulkhead("payments", 1);
        assertThat(bulkhead.tryEnter()).isTrue();
        assertThatThrownBy(() -> bulkhead.call(() -> "never")).isInstanceOf(BulkheadFullException.class)
                .hasMessageContaining("payments");
        assertThat(bulkhead.available()).as("permits after a refused call: the refusal must not give back a permit it never took")
                .isZero();
        bulkhead.leave();
        assertThat(bulkhead.available()).isEqualTo(1);
    }

    @Test
    void manyCallersAtOnceNeverExceedTheLimit() {
        for (int round = 0; round < 5; round++) {
            Bulkhead bulkhead = new Bulkhead("recommendations", 4);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                release.countDown();
            });
            releaser.start();
            List<Concurrently.Outcome<String>> outcomes = Concurrently.run(32, caller -> bulkhead.call(() -> {
                peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return "done";
            }));
            assertThat(peak.get()).as("most callers inside a bulkhead of 4 at once, 32 arriving together").isLessThanOrEqualTo(4);
            assertThat(outcomes.stream().filter(Concurrently.Outcome::succeeded).count()).isBetween(1L, 32L);
            assertThat(bulkhead.available()).isEqualTo(4);
        }
    }
}
