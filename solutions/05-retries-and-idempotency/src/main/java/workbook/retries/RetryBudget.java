package workbook.retries;

/**
 * Task 3: retries limited to a share of a client's requests. Every request puts {@code percent}
 * hundredths of a retry in the budget; every retry takes a whole one out; the budget starts with,
 * and never holds more than, {@code maxSaved} retries. During a total outage a client then sends at
 * most {@code 1 + percent/100} times its requests (plus {@code maxSaved}), whatever its policy's
 * attempt count. Safe to share between threads.
 */
public final class RetryBudget {
    private static final long ONE_RETRY = 100; // the budget counts in hundredths of a retry

    private final long depositPerRequest;
    private final long ceiling;
    private long balance;

    /**
     * @param percent  retries allowed per 100 requests (10: a tenth of the requests may be retried once)
     * @param maxSaved retries the budget starts with and may save up in quiet times
     */
    public RetryBudget(int percent, int maxSaved) {
        this.depositPerRequest = percent;
        this.ceiling = maxSaved * ONE_RETRY;
        this.balance = ceiling;
    }

    /** A new request (its first attempt) is being sent. */
    public synchronized void recordRequest() {
        balance = Math.min(ceiling, balance + depositPerRequest);
    }

    /** Takes one retry from the budget; false, and nothing taken, when less than one is left. */
    public synchronized boolean tryRetry() {
        if (balance < ONE_RETRY) {
            return false;
        }
        balance -= ONE_RETRY;
        return true;
    }
}
