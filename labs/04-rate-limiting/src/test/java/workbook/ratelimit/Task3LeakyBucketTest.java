package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3LeakyBucketTest {
    private static final Duration TEN_PER_SECOND = Duration.ofMillis(100);

    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final LeakyBucket bucket = new LeakyBucket(20, TEN_PER_SECOND, clock);

    @Test
    void aBurstQueuesUpToCapacityAndLeavesEvenlySpaced() {
        Instant start = clock.instant();
        List<Instant> leaves = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            Optional<Instant> departure = bucket.offer("alice");
            if (departure.isPresent()) {
                leaves.add(departure.get());
            } else {
                refused++;
            }
        }
        assertThat(leaves).as("requests accepted from a burst of 25 into a bucket of 20").hasSize(20);
        assertThat(refused).as("requests refused from that burst").isEqualTo(5);
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(leaves.get(i))
                    .as("departure of request %d of the burst: the first leaves now, then one every 100 ms", i + 1)
                    .isEqualTo(start.plus(TEN_PER_SECOND.multipliedBy(i)));
        }
    }

    @Test
    void placesFreeUpAtTheLeakRate() {
        for (int i = 0; i < 20; i++) {
            bucket.offer("alice");
        }
        assertThat(bucket.offer("alice")).as("a request into a full bucket").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        int accepted = 0;
        for (int i = 0; i < 15; i++) {
            accepted += bucket.offer("alice").isPresent() ? 1 : 0;
        }
        assertThat(accepted).as("places free 1 s after filling a bucket that leaks 10 per second").isEqualTo(10);
    }

    @Test
    void anIdleBucketLetsARequestLeaveAtOnce() {
        bucket.offer("alice");
        clock.advance(Duration.ofSeconds(5));
        assertThat(bucket.offer("alice"))
                .as("departure of a request into a bucket that has been empty for seconds")
                .contains(clock.instant());
    }

    @Test
    void theOutputRateIsStrictWhateverTheInput() {
        Random random = new Random(42);
        List<Instant> leaves = new ArrayList<>();
        for (int tick = 0; tick < 600; tick++) {            // 60 s in steps of 100 ms
            int arrivals = random.nextInt(10) < 8 ? 0 : random.nextInt(12); // quiet, then bursts of up to 11
            for (int i = 0; i < arrivals; i++) {
                bucket.offer("alice").ifPresent(leaves::add);
            }
            clock.advance(TEN_PER_SECOND);
        }
        assertThat(leaves).as("requests accepted in 60 s of bursty traffic").hasSizeGreaterThan(100);
        for (int i = 1; i < leaves.size(); i++) {
            Duration gap = Duration.between(leaves.get(i - 1), leaves.get(i));
            assertThat(gap)
                    .as("time between departures %d and %d: a leaky bucket never lets two out closer than 100 ms", i, i + 1)
                    .isGreaterThanOrEqualTo(TEN_PER_SECOND);
        }
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 20; i++) {
            bucket.offer("alice");
        }
        assertThat(bucket.offer("alice")).as("alice's 21st request").isEmpty();
        assertThat(bucket.offer("bob")).as("bob's first request leaves at once").contains(clock.instant());
    }
}
