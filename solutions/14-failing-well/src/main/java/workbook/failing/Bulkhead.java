package workbook.failing;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A limit on the calls in progress to one dependency. A call past the limit is refused at once
 * (it never waits for a permit), so a slow dependency can hold at most {@code maxConcurrentCalls}
 * workers and the others stay free for everything else.
 */
public final class Bulkhead {
    private final String name;
    private final int maxConcurrentCalls;
    private final Semaphore permits;

    public Bulkhead(String name, int maxConcurrentCalls) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("a bulkhead needs at least one permit, got " + maxConcurrentCalls);
        }
        this.name = name;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.permits = new Semaphore(maxConcurrentCalls);
    }

    /** Takes a permit if one is free, without waiting; true if taken. */
    public boolean tryEnter() {
        return permits.tryAcquire();
    }

    /** Gives back a permit taken by {@link #tryEnter()}. */
    public void leave() {
        permits.release();
    }

    /** Runs {@code call} holding a permit, or throws {@link BulkheadFullException} at once when none is free. */
    public <T> T call(Supplier<T> call) {
        if (!tryEnter()) {
            throw new BulkheadFullException(name, maxConcurrentCalls);
        }
        try {
            return call.get();
        } finally {
            leave();    // also when the call throws: a lost permit shrinks the bulkhead for good
        }
    }

    /** Permits free right now. */
    public int available() {
        return permits.availablePermits();
    }
}
