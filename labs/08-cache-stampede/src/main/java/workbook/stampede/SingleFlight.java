package workbook.stampede;

import java.util.concurrent.Callable;

/**
 * Request coalescing in one process: while a load for a key is running, other callers for the same
 * key wait for it and share its result (or its failure) instead of starting their own. It is not a
 * cache: once a load has finished, the next call starts a new one.
 *
 * @param <K> the key
 * @param <V> the loaded value
 */
public final class SingleFlight<K, V> {

    /**
     * Runs {@code loader} for {@code key}, unless a load for that key is already running, in which
     * case waits for it and returns its value, or throws the exception it threw (the same exception,
     * not a wrapper). Loads for different keys do not wait on each other.
     */
    public V load(K key, Callable<V> loader) throws Exception {
        throw new UnsupportedOperationException("Task 2: share one running load per key between concurrent callers");
    }

    /** How many keys have a load running right now; 0 once every load has finished. */
    public int inFlight() {
        throw new UnsupportedOperationException("Task 2: count the loads that are still running");
    }
}
