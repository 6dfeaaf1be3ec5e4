package workbook.compute;

import java.time.Duration;
import java.util.Arrays;

/**
 * What a workload asks of its compute.
 *
 * @param name              for messages
 * @param requestsPerSecond the average request rate in each hour of a day, 24 values (hour 0 first)
 * @param duration          wall time of one request: what a function is billed for
 * @param cpu               CPU time of one request: what always-on capacity must have vCPUs for
 *                          (an API that mostly waits on its database uses much less CPU than wall time)
 * @param memoryMb          memory one copy of the handler needs
 * @param p99Budget         the latency the 99th percentile must stay under
 * @param synchronous       a caller waits for the answer (through an API gateway), rather than an event queue
 * @param needsGpu          the work needs a GPU
 * @param heavySharedState  the work needs a large warm in-process state (a model, a big local cache)
 */
public record Workload(String name, double[] requestsPerSecond, Duration duration, Duration cpu, int memoryMb,
                       Duration p99Budget, boolean synchronous, boolean needsGpu, boolean heavySharedState) {

    public Workload {
        if (requestsPerSecond.length != 24) {
            throw new IllegalArgumentException("a day has 24 hourly rates, got " + requestsPerSecond.length);
        }
        requestsPerSecond = requestsPerSecond.clone();
    }

    @Override
    public double[] requestsPerSecond() {
        return requestsPerSecond.clone();
    }

    /** The same rate in every hour of the day. */
    public static double[] steady(double requestsPerSecond) {
        double[] rates = new double[24];
        Arrays.fill(rates, requestsPerSecond);
        return rates;
    }

    /** A plain synchronous API: no GPU, no heavy state. */
    public static Workload api(String name, double[] requestsPerSecond, Duration duration, Duration cpu, int memoryMb, Duration p99Budget) {
        return new Workload(name, requestsPerSecond, duration, cpu, memoryMb, p99Budget, true, false, false);
    }

    /** Assignment workload 1 (source 003, §2.8): a REST API at a steady 500 req/s, p99 under 50 ms. */
    public static Workload steadyApi() {
        return api("steady REST API", steady(500), Duration.ofMillis(20), Duration.ofMillis(2), 512, Duration.ofMillis(50));
    }

    /**
     * Assignment workload 2: thumbnails made on upload, 10 to 10,000 images an hour depending on the
     * time of day, 2 to 5 s each (3.5 s here, all of it CPU), from an event queue.
     */
    public static Workload thumbnails() {
        double[] perHour = {10, 10, 10, 10, 10, 10, 200, 800, 2000, 4000, 6000, 8000,
                10_000, 10_000, 8000, 6000, 5000, 5000, 6000, 4000, 2000, 1000, 200, 50};
        double[] perSecond = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            perSecond[hour] = perHour[hour] / 3600;
        }
        return new Workload("thumbnails on upload", perSecond, Duration.ofMillis(3500), Duration.ofMillis(3500), 1024,
                Duration.ofSeconds(60), false, false, false);
    }

    /** Assignment workload 3: a 2 GB recommendation model on a GPU, 200 ms SLA, at 50 req/s. */
    public static Workload gpuModel() {
        return new Workload("ML model on a GPU", steady(50), Duration.ofMillis(60), Duration.ofMillis(10), 4096,
                Duration.ofMillis(200), true, true, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
