package workbook.stampede;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: short TTLs, where jitter in whole seconds is no jitter at all. */
@Task(5)
class HiddenTask5TtlJitterTest {
    @Test
    void shortTtlsAreSpreadToo() {
        TtlJitter jitter = new TtlJitter(0.1, new Random(99));
        Map<Long, Integer> per100Millis = new TreeMap<>();
        for (int i = 0; i < 10_000; i++) {
            long millis = jitter.next(Duration.ofSeconds(5)).toMillis();
            assertThat(millis).as("TTL for base 5 s, spread ±10%%").isBetween(4_500L, 5_500L);
            per100Millis.merge(millis / 100, 1, Integer::sum);
        }
        int busiest = per100Millis.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(busiest / 10_000.0).as("largest share of 10000 TTLs (base 5 s, ±10%%) in one 100 ms slot: %s", per100Millis)
                .isLessThanOrEqualTo(0.15);
    }

    @Test
    void otherSpreadsAreHonoured() {
        TtlJitter jitter = new TtlJitter(0.5, new Random(3));
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 10_000; i++) {
            long millis = jitter.next(Duration.ofSeconds(60)).toMillis();
            shortest = Math.min(shortest, millis);
            longest = Math.max(longest, millis);
        }
        assertThat(shortest).as("shortest TTL for base 60 s, spread ±50%%").isBetween(30_000L, 31_000L);
        assertThat(longest).as("longest TTL for base 60 s, spread ±50%%").isBetween(89_000L, 90_000L);
    }
}
