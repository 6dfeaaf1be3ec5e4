package workbook.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * Token bucket with lazy refill (Task 3). Each client has a bucket of up to {@code capacity} tokens,
 * full at first; a request spends one token, and an empty bucket refuses. Tokens come back at
 * {@code refillTokens} per {@code refillPeriod}, computed from the elapsed time when a request arrives
 * (no timer thread), and never beyond {@code capacity}. Fractions of a token are never lost: two
 * half-second refills of a one-token-per-second bucket make one token.
 * {@link Decision#remaining()} is the whole tokens left; {@link Decision#retryAfter()} the time until
 * the next whole token; {@link Decision#resetAfter()} the time until the bucket is full again.
 */
public final class TokenBucketLimiter extends TokenBucketBase implements RateLimiter, TracksClients {

    public TokenBucketLimiter(int capacity, int refillTokens, Duration refillPeriod, Clock clock) {
        super(capacity, refillTokens, refillPeriod, clock);
    }

    /** The usual shape for an API: bursts of up to the quota, refilled at quota per window. */
    public static TokenBucketLimiter forPolicy(Policy policy, Clock clock) {
        return new TokenBucketLimiter(policy.quota(), policy.quota(), policy.window(), clock);
    }

    @Override
    public Decision tryAcquire(String clientKey) {
        throw new UnsupportedOperationException(
                "Task 3: refill the bucket lazily from the time elapsed since the last request, capped at capacity, then spend a token");
    }

    @Override
    public int clientsTracked() {
        throw new UnsupportedOperationException(
                "Task 3: say how many clients you hold state for, and forget those whose state is what a new client's would be");
    }
}
