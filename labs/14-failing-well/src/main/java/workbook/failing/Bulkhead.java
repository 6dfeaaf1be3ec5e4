package workbook.failing;

import java.util.function.Supplier;

/**
 * A limit on the calls in progress to one dependency. A call past the limit is refused at once
 * (it never waits for a permit), so a slow dependency can hold at most {@code maxConcurrentCalls}
 * workers and the others stay free for everything else.
 * <p>
 * As shipped, it limits nothing: every call goes through.
 */
public final class Bulkhead {
    private final String name;
    private final int maxConcurrentCalls;

    public Bulkhead(String name, int maxConcurrentCalls) {
        this.name = name;
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /** Takes a permit if one is free, without waiting; true if taken. */
    public boolean tryEnter() {
        return true;
    }

    /** Gives back a permit taken by {@link #tryEnter()}. */
    public void leave() {
    }

    /** Runs {@code call} holding a permit, or throws {@link BulkheadFullException} at once when none is free. */
    public <T> T call(Supplier<T> call) {
        return call.get();
    }

    /** Permits free right now. */
    public int available() {
        return maxConcurrentCalls;
    }
}
