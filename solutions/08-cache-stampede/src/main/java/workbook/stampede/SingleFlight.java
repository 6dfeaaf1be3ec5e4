package workbook.stampede;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Request coalescing in one process: while a load for a key is running, other callers for the same
 * key wait for it and share its result (or its failure) instead of starting their own. It is not a
 * cache: once a load has finished, the next call starts a new one.
 *
 * @param <K> the key
 * @param <V> the loaded value
 */
public final class SingleFlight<K, V> {
    /** One entry per key whose load is running; removed as soon as it finishes. */
    private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code loader} for {@code key}, unless a load for that key is already running, in which
     * case waits for it and returns its value, or throws the exception it threw (the same exception,
     * not a wrapper). Loads for different keys do not wait on each other.
     */
    public V load(K key, Callable<V> loader) throws Exception {
        CompletableFuture<V> mine = new CompletableFuture<>();
        // putIfAbsent is atomic for this key only: exactly one caller becomes the leader, and callers
        // for other keys never wait on it.
        CompletableFuture<V> leaders = running.putIfAbsent(key, mine);
        if (leaders != null) {
            return await(leaders);
        }
        try {
            V value = loader.call();
            mine.complete(value);
            return value;
        } catch (Throwable failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            // Remove only our own entry: a failure is not remembered, and the map does not grow.
            running.remove(key, mine);
        }
    }

    /** How many keys have a load running right now; 0 once every load has finished. */
    public int inFlight() {
        return running.size();
    }

    private static <V> V await(CompletableFuture<V> flight) throws Exception {
        try {
            return flight.get();
        } catch (ExecutionException wrapped) {
            // Give every waiter the leader's own exception, as if it had run the load itself.
            Throwable cause = wrapped.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }
}
