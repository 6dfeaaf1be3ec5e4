package workbook.pooling;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open workload: requests arrive at a fixed rate whatever happens to earlier ones, as users do.
 * Each request takes a connection from the pool and spends {@code timeInDatabase} in PostgreSQL.
 * A request's latency runs from the moment it was due to arrive to its answer, so time spent waiting
 * for a connection counts.
 */
public final class OpenLoad {

    /**
     * What one run measured: requests that really arrived per second (a busy machine can send them
     * later than planned), requests served per second, the 99th percentile latency, and how long a
     * request held its connection on average (from getting it to giving it back).
     */
    public record Result(int poolSize, int requests, double offeredPerSecond, double throughputPerSecond,
                         double p99Millis, double meanHoldMillis) {

        /**
         * Served over offered, at most 1: about 1 when the pool keeps up, well below 1 when requests queue
         * for connections. (Answers that bunch up after a pause of the machine can briefly come faster
         * than requests arrive; that is not a pool doing better than keeping up.)
         */
        public double keptUp() {
            return Math.min(1.0, throughputPerSecond / offeredPerSecond);
        }
    }

    private OpenLoad() {
    }

    /**
     * Events per second between the 10th and the 90th percentile event: the steady rate, which one
     * request delayed at the start or the end by a busy machine does not distort.
     */
    static double middleRate(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int first = sorted.length / 10;
        int last = sorted.length - 1 - sorted.length / 10;
        return (last - first) / ((sorted[last] - sorted[first]) / 1e9);
    }

    public static Result run(DataSource pool, int poolSize, double ratePerSecond, int requests, Duration timeInDatabase)
            throws Exception {
        // One thread per request, started before the clock: starting threads on the way would delay arrivals.
        ThreadPoolExecutor callers = new ThreadPoolExecutor(requests, requests, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "open-load");
            thread.setDaemon(true);
            return thread;
        });
        callers.prestartAllCoreThreads();
        try {
            long intervalNanos = (long) (1e9 / ratePerSecond);
            long start = System.nanoTime();
            List<Future<long[]>> answers = new ArrayList<>();
            long[] arrivals = new long[requests];
            for (int i = 0; i < requests; i++) {
                long due = start + i * intervalNanos;
                LockSupport.parkNanos(due - System.nanoTime());
                arrivals[i] = System.nanoTime();
                long productId = 1 + i % Prices.PRODUCTS;
                answers.add(callers.submit(() -> {
                    long held;
                    try (Connection connection = pool.getConnection()) {
                        long got = System.nanoTime();
                        Prices.read(connection, productId, timeInDatabase);
                        held = System.nanoTime() - got;
                    }
                    long done = System.nanoTime();
                    return new long[]{done, done - due, held};
                }));
            }
            long[] completions = new long[requests];
            double[] latencies = new double[requests];
            long heldNanos = 0;
            for (int i = 0; i < requests; i++) {
                long[] answer = answers.get(i).get(30, TimeUnit.SECONDS);
                completions[i] = answer[0];
                latencies[i] = answer[1] / 1e6;
                heldNanos += answer[2];
            }
            Arrays.sort(latencies);
            double p99 = latencies[(int) Math.ceil(0.99 * requests) - 1];
            return new Result(poolSize, requests, middleRate(arrivals), middleRate(completions), p99, heldNanos / 1e6 / requests);
        } finally {
            callers.shutdownNow();
        }
    }
}
