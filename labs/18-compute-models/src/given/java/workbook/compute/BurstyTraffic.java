package workbook.compute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Arrival times of requests: a Poisson stream at a low base rate, and bursts at a high rate for a
 * few seconds at regular intervals (the first burst starts at {@code start}). Seeded, so the same
 * arguments give the same arrivals.
 */
public final class BurstyTraffic {
    private BurstyTraffic() {
    }

    public static List<Instant> arrivals(long seed, Instant start, Duration length, double basePerSecond,
                                         double burstPerSecond, Duration burstLength, Duration burstEvery) {
        Random random = new Random(seed);
        List<Instant> arrivals = new ArrayList<>();
        long end = length.toNanos();
        long now = 0;
        while (true) {
            boolean inBurst = now % burstEvery.toNanos() < burstLength.toNanos();
            double rate = inBurst ? burstPerSecond : basePerSecond;
            // Exponential gaps; a gap that crosses a burst's edge is cut there and redrawn at the new rate.
            long gap = (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
            long edge = (now / burstEvery.toNanos()) * burstEvery.toNanos() + (inBurst ? burstLength.toNanos() : burstEvery.toNanos());
            if (now + gap >= edge) {
                now = edge;
            } else {
                now += gap;
                if (now >= end) {
                    break;
                }
                arrivals.add(start.plusNanos(now));
            }
            if (now >= end) {
                break;
            }
        }
        return arrivals;
    }

    /** The traffic of this lab's Task 2: 10 minutes, 2 req/s, and 150 req/s for 3 s every minute. */
    public static List<Instant> lab(long seed, Instant start) {
        return arrivals(seed, start, Duration.ofMinutes(10), 2, 150, Duration.ofSeconds(3), Duration.ofMinutes(1));
    }
}
