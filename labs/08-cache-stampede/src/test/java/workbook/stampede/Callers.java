package workbook.stampede;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Caller threads a test can watch: it can wait until every one of them is parked (waiting on a
 * latch or on someone else's load) before letting a load finish, so "they all joined one flight"
 * does not depend on timing.
 */
final class Callers<T> {
    private final List<Thread> threads = new ArrayList<>();
    private final List<CompletableFuture<T>> results = new ArrayList<>();

    static <T> Callers<T> start(int count, Callable<T> call) {
        Callers<T> callers = new Callers<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(call.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "caller-" + i);
            thread.setDaemon(true);
            callers.threads.add(thread);
            callers.results.add(result);
        }
        callers.threads.forEach(Thread::start);
        return callers;
    }

    /** Waits until every caller is parked or blocked (waiting for a latch, a load or a lock), or has finished. */
    Callers<T> awaitAllParked() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> threads.stream().allMatch(thread -> switch (thread.getState()) {
            case WAITING, TIMED_WAITING, BLOCKED, TERMINATED -> true;
            default -> false;
        }));
        return this;
    }

    boolean allFinished() {
        return results.stream().allMatch(CompletableFuture::isDone);
    }

    /** What each caller got: its value, or the exception it threw. */
    List<Outcome<T>> outcomes(Duration timeout) throws InterruptedException {
        return outcomes(timeout, "a caller was still waiting after " + timeout.toSeconds()
                + " s: is someone waiting for a load that already finished, or holding a lock forever?");
    }

    /** Like {@link #outcomes(Duration)}, failing with {@code whenStuck} if a caller is still running after {@code timeout}. */
    List<Outcome<T>> outcomes(Duration timeout, String whenStuck) throws InterruptedException {
        List<Outcome<T>> outcomes = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<T> result : results) {
            try {
                outcomes.add(new Outcome<>(result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UnsupportedOperationException notDone) {
                    throw notDone;
                }
                outcomes.add(new Outcome<>(null, e.getCause()));
            } catch (TimeoutException e) {
                throw new AssertionError(whenStuck);
            }
        }
        return outcomes;
    }

    record Outcome<T>(T value, Throwable error) {
    }
}
