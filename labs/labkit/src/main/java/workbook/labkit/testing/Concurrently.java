package workbook.labkit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts N callers at the same instant and collects what each got. Every caller waits on one latch
 * until all threads exist, then they are released together: the closest a test can come to "200
 * requests arrive at once".
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** What one caller got: a value, or the exception it threw. */
    public record Outcome<T>(int caller, T value, Throwable error, long nanos) {
        public boolean succeeded() {
            return error == null;
        }
    }

    public interface Call<T> {
        T call(int caller) throws Exception;
    }

    /** Runs {@code call} in {@code callers} threads released together; waits at most 30 s for all of them. */
    public static <T> List<Outcome<T>> run(int callers, Call<T> call) {
        return run(callers, Duration.ofSeconds(30), call);
    }

    public static <T> List<Outcome<T>> run(int callers, Duration timeout, Call<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(callers, daemonThreads());
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    try {
                        return new Outcome<>(caller, call.call(caller), null, System.nanoTime() - start);
                    } catch (Throwable e) {
                        return new Outcome<T>(caller, null, e, System.nanoTime() - start);
                    }
                }));
            }
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not all " + callers + " caller threads started within " + timeout);
            }
            go.countDown();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                try {
                    outcomes.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new AssertionError("callers were still running after " + timeout.toSeconds()
                            + " s: something blocks forever (a lock never released, a wait with no timeout?)");
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for callers", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Values of the callers that succeeded. */
    public static <T> List<T> values(List<Outcome<T>> outcomes) {
        return outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
    }

    static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "concurrent-caller");
            thread.setDaemon(true);
            return thread;
        };
    }
}
