package workbook.ratelimit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 4: keys left without a TTL, policies, a Redis that forgot its scripts, odd numbers. */
@Task(4)
class HiddenTask4SharedLimitTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);

    private final MutableClock clock = MutableClock.startingAtEpochMinute();

    @Test
    void aKeyLeftWithoutATtlIsGivenOneByAnAllowedRequest() {
        RedisRateLimiter limiter = limiter(HUNDRED_PER_MINUTE);
        limiter.tryAcquire("alice");
        List<String> keys = allKeys();
        assertThat(keys).as("keys after one request").isNotEmpty();
        // Play the old INCR-then-EXPIRE code's leftover: the same keys, with their TTL gone.
        keys.forEach(key -> redis.commands().persist(key));

        assertThat(limiter.tryAcquire("alice").allowed()).as("alice's second request").isTrue();
        assertEveryKeyHasATtl("an allowed request finds it without one (left by older code or a crash)");
    }

    @Test
    void aKeyLeftWithoutATtlIsGivenOneByARefusedRequest() {
        RedisRateLimiter limiter = limiter(HUNDRED_PER_MINUTE);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        allKeys().forEach(key -> redis.commands().persist(key));

        assertThat(limiter.tryAcquire("alice").allowed()).as("alice's request 101").isFalse();
        assertEveryKeyHasATtl("a refused request finds it without one (left by older code or a crash)");
    }

    @Test
    void policiesNeverShareACounter() {
        RedisRateLimiter api = limiter(Policy.perMinute("default", 100));
        RedisRateLimiter login = limiter(Policy.perMinute("login", 5));
        for (int i = 0; i < 5; i++) {
            login.tryAcquire("alice");
        }
        assertThat(login.tryAcquire("alice").allowed()).as("alice's 6th login (limit 5)").isFalse();
        assertThat(api.tryAcquire("alice").remaining()).as("alice's API remaining after 6 logins").isEqualTo(99);
    }

    @Test
    void clientsNeverShareACounter() {
        RedisRateLimiter limiter = limiter(Policy.perMinute("default", 3));
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("alice");
        }
        Decision bob = limiter.tryAcquire("bob");
        assertThat(bob.allowed()).as("bob's first request after alice went over a limit of 3").isTrue();
        assertThat(bob.remaining()).as("bob's remaining").isEqualTo(2);
    }

    @Test
    void aRedisThatForgotItsScriptsStillCounts() {
        RedisRateLimiter limiter = limiter(HUNDRED_PER_MINUTE);
        assertThat(limiter.tryAcquire("alice").remaining()).as("remaining after alice's first request").isEqualTo(99);
        // A restarted or failed-over Redis starts with an empty script cache; SCRIPT FLUSH does the same.
        redis.commands().scriptFlush();
        Decision second = limiter.tryAcquire("alice");
        assertThat(second.allowed()).as("alice's second request after Redis forgot every loaded script").isTrue();
        assertThat(second.remaining()).as("remaining after it: the count goes on in Redis").isEqualTo(98);
        assertThat(limiter.tryAcquire("alice").remaining()).as("remaining after the third request").isEqualTo(97);
    }

    @Test
    void spacingThatIsNotAWholeNumberOfMillisecondsIsExact() {
        // 7 per minute: one request every 8571.43 ms. A clock on an odd millisecond, a quota near the largest.
        clock.set(Instant.parse("2026-03-14T15:09:26.535Z"));
        RedisRateLimiter sevenPerMinute = limiter(Policy.perMinute("default", 7));
        for (int i = 0; i < 7; i++) {
            assertThat(sevenPerMinute.tryAcquire("alice").allowed()).as("request %d of 7", i + 1).isTrue();
        }
        Decision eighth = sevenPerMinute.tryAcquire("alice");
        assertThat(eighth.allowed()).as("the 8th request at the same instant").isFalse();
        assertThat(eighth.retryAfter()).as("retryAfter: 60000 / 7 = 8571.43 ms, rounded up").isEqualTo(Duration.ofMillis(8572));
        clock.advanceMillis(8571);
        assertThat(sevenPerMinute.tryAcquire("alice").allowed()).as("a request 8571 ms later, 0.43 ms early").isFalse();
        clock.advanceMillis(1);
        assertThat(sevenPerMinute.tryAcquire("alice").allowed()).as("a request 8572 ms later").isTrue();
        // A whole minute after the first seven: the full quota is back, less the one taken at 8572 ms.
        clock.advanceMillis(51428);
        int allowed = 0;
        for (int i = 0; i < 7; i++) {
            allowed += sevenPerMinute.tryAcquire("alice").allowed() ? 1 : 0;
        }
        assertThat(allowed).as("requests allowed 60 s after the first seven, 7 sent (one was taken at 8572 ms)").isEqualTo(6);

        RedisRateLimiter busiest = limiter(new Policy("busy", RedisLimiterBase.MAX_QUOTA, Duration.ofMillis(999)));
        int allowedAtOnce = 0;
        for (int i = 0; i < RedisLimiterBase.MAX_QUOTA + 5; i++) {
            allowedAtOnce += busiest.tryAcquire("alice").allowed() ? 1 : 0;
        }
        assertThat(allowedAtOnce).as("requests allowed at once with a quota of %d per 999 ms", RedisLimiterBase.MAX_QUOTA)
                .isEqualTo(RedisLimiterBase.MAX_QUOTA);
        clock.advanceMillis(1);
        assertThat(busiest.tryAcquire("alice").remaining()).as("remaining 1 ms later: 4000 / 999 per ms come back, "
                + "4 whole requests, of which this one takes 1").isEqualTo(3);
    }

    private RedisRateLimiter limiter(Policy policy) {
        return new RedisRateLimiter(redis.newClient().connect(), policy, clock, Duration.ofSeconds(5), FailureMode.FAIL_CLOSED);
    }

    private static void assertEveryKeyHasATtl(String when) {
        for (String key : allKeys()) {
            assertThat(redis.commands().pttl(key))
                    .as("TTL (ms) of %s after %s: set the TTL whenever the key is written", key, when)
                    .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis());
        }
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
}
