package workbook.restapi;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many requests each user may make (rate limiting is lab 04's subject; here it is given). Asked
 * once per request: empty means go ahead, a value is the whole seconds to wait before trying again.
 */
public interface Quota {
    OptionalLong retryAfterSeconds(String user);

    /** No limit. */
    static Quota unlimited() {
        return user -> OptionalLong.empty();
    }

    /** At most {@code limit} requests per user in each fixed window of {@code window}, on {@code clock}. */
    static Quota fixedWindow(int limit, Duration window, Clock clock) {
        Map<String, long[]> windows = new HashMap<>(); // user -> {window number, requests in it}
        return user -> {
            long now = clock.millis();
            long number = now / window.toMillis();
            synchronized (windows) {
                long[] current = windows.computeIfAbsent(user, u -> new long[] {number, 0});
                if (current[0] != number) {
                    current[0] = number;
                    current[1] = 0;
                }
                if (current[1] < limit) {
                    current[1]++;
                    return OptionalLong.empty();
                }
            }
            long untilNextWindow = (number + 1) * window.toMillis() - now;
            return OptionalLong.of((untilNextWindow + 999) / 1000);
        };
    }
}
