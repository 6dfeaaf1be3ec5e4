package workbook.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a limiter answered for one request. Every algorithm in this lab returns the same three facts,
 * and the HTTP filter (Task 5) builds its headers from them.
 *
 * @param allowed    whether the request may go through
 * @param remaining  how many more requests this client may make right now (0 when refused)
 * @param retryAfter how long until the next request could be allowed: zero while {@code remaining > 0},
 *                   positive once the client has used everything up
 * @param resetAfter how long until the limiter has forgotten everything this client did so far, so
 *                   that its full quota is available again
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter, Duration resetAfter) {

    public Decision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining cannot be negative: " + remaining);
        }
        if (retryAfter.isNegative() || resetAfter.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative: retryAfter " + retryAfter + ", resetAfter " + resetAfter);
        }
        if (!allowed && remaining > 0) {
            throw new IllegalArgumentException("a refused request cannot leave " + remaining + " requests remaining");
        }
    }

    /** An allowed request; {@code retryAfter} is zero unless this was the last one the client had. */
    public static Decision allow(long remaining, Duration retryAfter, Duration resetAfter) {
        return new Decision(true, remaining, remaining > 0 ? Duration.ZERO : retryAfter, resetAfter);
    }

    /** A refused request: nothing remains, and the client should wait {@code retryAfter}. */
    public static Decision reject(Duration retryAfter, Duration resetAfter) {
        return new Decision(false, 0, retryAfter, resetAfter);
    }
}
