package workbook.labkit.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentlyTest {
    @Test
    void releasesAllCallersTogetherAndCollectsValuesAndErrors() {
        // A barrier that needs every caller proves they were all running at the same time.
        CyclicBarrier allHere = new CyclicBarrier(50);
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(50, caller -> {
            allHere.await(10, TimeUnit.SECONDS);
            if (caller == 7) {
                throw new IllegalStateException("caller 7 fails");
            }
            return caller * 2;
        });

        assertThat(outcomes).hasSize(50);
        assertThat(outcomes.get(7).error()).hasMessage("caller 7 fails");
        assertThat(Concurrently.values(outcomes)).hasSize(49).contains(0, 2, 98);
    }
}
