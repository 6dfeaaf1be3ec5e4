package workbook.stampede;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hidden: short TTLs, where jitter in whole seconds is no jitter at all; both ends of the range; a base under 1 ms. */
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

    @Test
    void everyWholeMillisecondOfTheRangeIsDrawnBothEndsIncluded() {
        TtlJitter jitter = new TtlJitter(0.3, new Random(17));
        Set<Long> drawn = new TreeSet<>();
        for (int i = 0; i < 10_000; i++) {
            drawn.add(jitter.next(Duration.ofMillis(7)).toMillis());
        }
        Set<Long> expected = LongStream.rangeClosed(5, 9).boxed().collect(Collectors.toCollection(TreeSet::new));
        assertThat(drawn).as("TTLs drawn for base 7 ms, spread ±30%% (4.9..9.1 ms): every whole millisecond in the range, "
                + "5 and 9 included").isEqualTo(expected);
    }

    @Test
    void aBaseUnderOneMillisecondIsRefused() {
        TtlJitter jitter = new TtlJitter(0.1, new Random(1));
        for (Duration base : new Duration[]{Duration.ZERO, Duration.ofNanos(999_999), Duration.ofMillis(-5)}) {
            assertThatThrownBy(() -> jitter.next(base)).as("next(%s): a base TTL under 1 ms", base)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
        }
    }
}
