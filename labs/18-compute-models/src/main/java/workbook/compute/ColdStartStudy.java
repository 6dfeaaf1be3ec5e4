package workbook.compute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Task 2: latencies of a fleet on given traffic, their 99th percentile, and the provisioned concurrency that fixes it. */
public final class ColdStartStudy {
    private ColdStartStudy() {
    }

    /** The 99th percentile by nearest rank: the smallest latency that at least 99% of the latencies do not exceed. */
    public static Duration p99(List<Duration> latencies) {
        throw new UnsupportedOperationException("Task 2: sort, and take the nearest-rank 99th percentile");
    }

    /** Every arrival sent through the fleet in order, each needing {@code work}; their latencies. */
    public static List<Duration> replay(List<Instant> arrivals, Duration work, FunctionFleet fleet) {
        throw new UnsupportedOperationException("Task 2: invoke the fleet once per arrival");
    }

    /**
     * The fewest provisioned instances for which the p99 of this traffic stays within the budget.
     * Each trial draws its cold starts afresh from {@code coldStarts}, so every trial sees the same ones.
     */
    public static int smallestProvisionedConcurrency(List<Instant> arrivals, Duration work, Duration keepAlive,
                                                     Duration budget, Supplier<ColdStarts> coldStarts) {
        throw new UnsupportedOperationException("Task 2: try 0, 1, 2... provisioned instances until the p99 fits the budget");
    }
}
