package workbook.retries;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * When a failed attempt is worth another one, and how long to wait first: exponential backoff with
 * full jitter and a cap (Task 1), only for failures a retry can fix, honouring {@code Retry-After},
 * and never for a request that is not safe to send twice (Task 2).
 *
 * @param random where the jitter comes from (tests pass a seeded one)
 */
public record RetryPolicy(RetrySettings settings, Random random) {
    /** RFC 9110 §9.2.2: sending these twice has the same effect on the server as sending them once. */
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
    /** Overloaded or briefly unavailable: another attempt later may well succeed. */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    /**
     * Task 1: the wait before retry number {@code retry} (0 = the first retry), drawn uniformly from
     * {@code [0, min(cap, base × 2^retry)]} in whole milliseconds, both ends included.
     */
    public Duration backoff(int retry) {
        long ceiling = ceilingMillis(retry);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** min(cap, base × 2^retry) without overflow: once the doubling passes the cap, the cap it is. */
    private long ceilingMillis(int retry) {
        long cap = settings.cap().toMillis();
        long ceiling = settings.base().toMillis();
        for (int i = 0; i < retry && ceiling < cap; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, cap);
    }

    /** Task 2: would another attempt of a request that got this reply have a chance? */
    public boolean isRetryable(Reply reply) {
        return RETRYABLE_STATUSES.contains(reply.status());
    }

    /**
     * Task 2: the wait a reply asks for with {@code Retry-After} (RFC 9110 §10.2.3): either whole
     * seconds ({@code 120}) or an HTTP-date ({@code Fri, 07 Nov 2025 08:49:37 GMT}), which is read as
     * the time from {@code now} until then (zero if it has passed). Empty when there is no such
     * header or it is neither form.
     */
    public Optional<Duration> retryAfter(Reply reply, Instant now) {
        Optional<String> value = reply.header("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("\\d{1,18}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** Task 2: may this request be sent twice? Idempotent methods may; others only with an Idempotency-Key. */
    public boolean maySafelyRetry(Request request) {
        return IDEMPOTENT_METHODS.contains(request.method()) || request.idempotencyKey().isPresent();
    }

    /**
     * Tasks 1 and 2: attempt number {@code attempt} (1 = the first) of {@code request} failed, with
     * {@code reply}, or with no reply at all (a connection error or a timeout) when it is empty. How
     * long to wait before the next attempt, or empty to give up and return what we have.
     */
    public Optional<Duration> delayBeforeNextAttempt(Request request, int attempt, Optional<Reply> reply, Instant now) {
        if (attempt >= settings.maxAttempts() || !maySafelyRetry(request)) {
            return Optional.empty();
        }
        if (reply.isPresent() && !isRetryable(reply.get())) {
            return Optional.empty();
        }
        // The server knows its own state better than our formula does.
        Optional<Duration> asked = reply.flatMap(r -> retryAfter(r, now));
        return Optional.of(asked.orElseGet(() -> backoff(attempt - 1)));
    }
}
