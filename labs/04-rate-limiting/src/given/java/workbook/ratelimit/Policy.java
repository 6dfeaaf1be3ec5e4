package workbook.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rate limit as clients see it: at most {@code quota} requests per {@code window}, under a name.
 * The name appears in the HTTP headers ({@code RateLimit-Policy: "default";q=100;w=60}) and in the
 * Redis keys, so that two policies never share a counter.
 *
 * @param name   lower-case letters, digits, '-' or '_', such as {@code default} or {@code login}
 * @param quota  how many requests one client may make per window; at least 1
 * @param window the length of the window; at least 1 ms
 */
public record Policy(String name, int quota, Duration window) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("policy name '" + name
                    + "' must be 1 to 32 lower-case letters, digits, '-' or '_' (it goes into headers and Redis keys)");
        }
        if (quota < 1) {
            throw new IllegalArgumentException("policy '" + name + "': quota must be at least 1, got " + quota);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("policy '" + name + "': window must be at least 1 ms, got " + window);
        }
    }

    /** {@code quota} requests per minute, the course's usual shape ("100 requests per minute per API key"). */
    public static Policy perMinute(String name, int quota) {
        return new Policy(name, quota, Duration.ofMinutes(1));
    }

    /** The window in milliseconds, the unit every limiter here counts time in. */
    public long windowMillis() {
        return window.toMillis();
    }
}
