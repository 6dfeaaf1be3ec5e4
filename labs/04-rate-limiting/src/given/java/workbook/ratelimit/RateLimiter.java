package workbook.ratelimit;

/**
 * Decides, one request at a time, whether a client may go on. Implementations keep their own state
 * per client key (an API key, an account name); they are safe to call from many threads at once.
 */
public interface RateLimiter {

    /** Counts one request of {@code clientKey} and says whether it is allowed. */
    Decision tryAcquire(String clientKey);
}
