package workbook.ratelimit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 4: counters left without a TTL by older code must be repaired. */
@Task(4)
class HiddenTask4SharedLimitTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);

    @Test
    void aCounterLeftWithoutATtlIsGivenOne() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.newClient().connect(), HUNDRED_PER_MINUTE,
                Duration.ofSeconds(5), FailureMode.FAIL_CLOSED);
        limiter.tryAcquire("alice");
        List<String> keys = allKeys();
        assertThat(keys).as("keys after one request").isNotEmpty();
        // Play the old INCR-then-EXPIRE code's leftover: the same counters, with their TTL gone.
        keys.forEach(key -> redis.commands().persist(key));

        limiter.tryAcquire("alice");
        for (String key : allKeys()) {
            assertThat(redis.commands().pttl(key))
                    .as("TTL (ms) of %s after a request finds it without one (left by older code or a crash): "
                            + "set the TTL whenever it is missing, not only on the first request", key)
                    .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis());
        }
    }

    @Test
    void policiesNeverShareACounter() {
        RedisRateLimiter api = new RedisRateLimiter(redis.newClient().connect(), Policy.perMinute("default", 100),
                Duration.ofSeconds(5), FailureMode.FAIL_CLOSED);
        RedisRateLimiter login = new RedisRateLimiter(redis.newClient().connect(), Policy.perMinute("login", 5),
                Duration.ofSeconds(5), FailureMode.FAIL_CLOSED);
        for (int i = 0; i < 5; i++) {
            login.tryAcquire("alice");
        }
        assertThat(login.tryAcquire("alice").allowed()).as("alice's 6th login (limit 5)").isFalse();
        assertThat(api.tryAcquire("alice").remaining()).as("alice's API remaining after 6 logins").isEqualTo(99);
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.commands().scan(cursor, ScanArgs.Builder.limit(100));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    @Test
    void aRedisThatForgotItsScriptsStillCounts() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.newClient().connect(), HUNDRED_PER_MINUTE,
                Duration.ofSeconds(5), FailureMode.FAIL_CLOSED);
        assertThat(limiter.tryAcquire("alice").remaining()).as("remaining after alice's first request").isEqualTo(99);
        // A restarted or failed-over Redis starts with an empty script cache; SCRIPT FLUSH does the same.
        redis.commands().scriptFlush();
        Decision second = limiter.tryAcquire("alice");
        assertThat(second.allowed()).as("alice's second request after Redis forgot every loaded script").isTrue();
        assertThat(second.remaining()).as("remaining after it: the count goes on in Redis").isEqualTo(98);
        assertThat(limiter.tryAcquire("alice").remaining()).as("remaining after the third request").isEqualTo(97);
    }
}
