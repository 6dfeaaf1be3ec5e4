package workbook.retries;

/**
 * Task 3: retries limited to a share of a client's requests. Every request puts {@code percent}
 * hundredths of a retry in the budget; every retry takes a whole one out; the budget starts with,
 * and never holds more than, {@code maxSaved} retries. During a total outage a client then sends at
 * most {@code 1 + percent/100} times its requests (plus {@code maxSaved}), whatever its policy's
 * attempt count. Safe to share between threads.
 * <p>
 * STARTER: no budget at all. Every retry the policy wants is allowed.
 */
public final class RetryBudget {

    /**
     * @param percent  retries allowed per 100 requests (10: a tenth of the requests may be retried once)
     * @param maxSaved retries the budget starts with and may save up in quiet times
     */
    public RetryBudget(int percent, int maxSaved) {
    }

    /** A new request (its first attempt) is being sent. */
    public void recordRequest() {
    }

    /** Takes one retry from the budget; false, and nothing taken, when less than one is left. */
    public boolean tryRetry() {
        return true;
    }
}
