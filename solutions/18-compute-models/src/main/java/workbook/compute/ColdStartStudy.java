package workbook.compute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Task 2: latencies of a fleet on given traffic, their 99th percentile, and the provisioned concurrency that fixes it. */
public final class ColdStartStudy {
    private ColdStartStudy() {
    }

    /** The 99th percentile by nearest rank: the smallest latency that at least 99% of the latencies do not exceed. */
    public static Duration p99(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            throw new IllegalArgumentException("no latencies: a percentile of nothing is undefined");
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(rank - 1);
    }

    /** Every arrival sent through the fleet in order, each needing {@code work}; their latencies. */
    public static List<Duration> replay(List<Instant> arrivals, Duration work, FunctionFleet fleet) {
        List<Duration> latencies = new ArrayList<>(arrivals.size());
        for (Instant arrival : arrivals) {
            latencies.add(fleet.invoke(arrival, work));
        }
        return latencies;
    }

    /**
     * The fewest provisioned instances for which the p99 of this traffic stays within the budget.
     * Each trial draws its cold starts afresh from {@code coldStarts}, so every trial sees the same ones.
     */
    public static int smallestProvisionedConcurrency(List<Instant> arrivals, Duration work, Duration keepAlive,
                                                     Duration budget, Supplier<ColdStarts> coldStarts) {
        if (work.compareTo(budget) > 0) {
            throw new IllegalArgumentException("the work alone (" + work.toMillis() + " ms) is over the budget ("
                    + budget.toMillis() + " ms): no number of warm instances can meet it");
        }
        for (int provisioned = 0; ; provisioned++) {
            FunctionFleet fleet = new FunctionFleet(keepAlive, provisioned, coldStarts.get());
            if (p99(replay(arrivals, work, fleet)).compareTo(budget) <= 0) {
                return provisioned;
            }
        }
    }
}
