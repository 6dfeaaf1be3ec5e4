package workbook.retries;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * When a failed attempt is worth another one, and how long to wait first: exponential backoff with
 * full jitter and a cap (Task 1), only for failures a retry can fix, honouring {@code Retry-After},
 * and never for a request that is not safe to send twice (Task 2).
 * <p>
 * STARTER: this is the policy the clients run today. On any failure it tries again at once, until
 * the attempts run out. When the server slows down, every client fails at the same moment and comes
 * back at the same moment, several times over.
 *
 * @param random where the jitter comes from (tests pass a seeded one)
 */
public record RetryPolicy(RetrySettings settings, Random random) {
    /**
     * Task 1: the wait before retry number {@code retry} (0 = the first retry), drawn uniformly from
     * {@code [0, min(cap, base × 2^retry)]} in whole milliseconds, both ends included.
     */
    public Duration backoff(int retry) {
        throw new UnsupportedOperationException("Task 1: draw the delay uniformly from [0, min(cap, base × 2^retry)] ms");
    }

    /** Task 2: would another attempt of a request that got this reply have a chance? */
    public boolean isRetryable(Reply reply) {
        throw new UnsupportedOperationException("Task 2: say which statuses a retry can fix");
    }

    /**
     * Task 2: the wait a reply asks for with {@code Retry-After} (RFC 9110 §10.2.3): either whole
     * seconds ({@code 120}) or an HTTP-date ({@code Fri, 07 Nov 2025 08:49:37 GMT}), which is read as
     * the time from {@code now} until then (zero if it has passed). Empty when there is no such
     * header or it is neither form.
     */
    public Optional<Duration> retryAfter(Reply reply, Instant now) {
        throw new UnsupportedOperationException("Task 2: read Retry-After, in seconds or as an HTTP-date");
    }

    /** Task 2: may this request be sent twice? Idempotent methods may; others only with an Idempotency-Key. */
    public boolean maySafelyRetry(Request request) {
        throw new UnsupportedOperationException("Task 2: tell requests that are safe to send twice from the others");
    }

    /**
     * Tasks 1 and 2: attempt number {@code attempt} (1 = the first) of {@code request} failed, with
     * {@code reply}, or with no reply at all (a connection error or a timeout) when it is empty. How
     * long to wait before the next attempt, or empty to give up and return what we have.
     */
    public Optional<Duration> delayBeforeNextAttempt(Request request, int attempt, Optional<Reply> reply, Instant now) {
        if (attempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ZERO); // again, right now
    }
}
