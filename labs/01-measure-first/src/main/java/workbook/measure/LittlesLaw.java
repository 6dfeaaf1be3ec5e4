package workbook.measure;

import java.time.Duration;

/**
 * Task 3: Little's law, L = λ × W. In a stable system the average number of requests inside it (L)
 * is the rate at which they arrive (λ) times the average time each spends inside (W).
 */
public final class LittlesLaw {
    private LittlesLaw() {
    }

    /** L = λ × W: how many requests are in flight at {@code arrivalsPerSecond} when each stays {@code timeInSystem}. */
    public static double concurrency(double arrivalsPerSecond, Duration timeInSystem) {
        throw new UnsupportedOperationException("Task 3: L = λ × W");
    }

    /**
     * The most requests per second a server can complete when it has {@code workers} workers and each
     * request keeps one busy for {@code serviceTime}: every worker busy all the time.
     *
     * @throws IllegalArgumentException when there are no workers or the service time is not positive
     */
    public static double maxThroughput(int workers, Duration serviceTime) {
        throw new UnsupportedOperationException("Task 3: the throughput of N workers each busy S per request");
    }

    /**
     * The fewest workers that can sustain {@code targetPerSecond} when each request keeps one busy for
     * {@code serviceTime} (a whole number: a worker cannot be split).
     */
    public static int workersFor(double targetPerSecond, Duration serviceTime) {
        throw new UnsupportedOperationException("Task 3: the workers needed for a target rate");
    }
}
