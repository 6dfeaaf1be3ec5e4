package workbook.ratelimit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

@Task(4)
class Task4SharedLimitTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);
    /** Generous, so that a busy machine never pushes these tests into the failure mode (that is Task 6). */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void eightServersEnforceOneLimitTogether() {
        List<RedisRateLimiter> servers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servers.add(newServer(HUNDRED_PER_MINUTE, RedisRateLimiter.BetweenCommands.NOTHING));
        }
        // Eight servers at once, each receiving 100 requests for the same API key.
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(8, server -> {
            int allowed = 0;
            for (int request = 0; request < 100; request++) {
                allowed += servers.get(server).tryAcquire("alice").allowed() ? 1 : 0;
            }
            return allowed;
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).as("error on server %d", outcome.caller()).isNull());
        List<Integer> perServer = Concurrently.values(outcomes);
        int total = perServer.stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[Task 4] 8 servers, 800 concurrent requests for one API key: %d allowed in total %s%n", total, perServer);
        assertThat(total)
                .as("requests allowed for one API key across 8 servers sharing a limit of 100 per minute "
                        + "(allowed per server: %s); 800 would mean each server counts alone", perServer)
                .isEqualTo(100);
    }

    @Test
    void aCrashBetweenTwoCommandsLeavesNoCounterWithoutATtl() {
        RedisRateLimiter crashing = newServer(HUNDRED_PER_MINUTE, key -> {
            throw new SimulatedCrash();
        });
        catchThrowable(() -> crashing.tryAcquire("alice")); // the starter dies mid-decision; the fix has no "mid"

        Map<String, Long> ttls = ttlOfEveryKey();
        assertThat(ttls).as("keys in Redis after one request whose process died mid-decision").isNotEmpty();
        assertThat(ttls).allSatisfy((key, ttl) -> assertThat(ttl)
                .as("TTL (ms) of %s after a crash between two commands. -1 means no TTL: the counter never expires, "
                        + "and once it passes the quota this client is refused forever. Count and set the TTL in one "
                        + "atomic step (a Lua script)", key)
                .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis()));
    }

    @Test
    void aClientIsNotLockedOutForeverAfterACrash() {
        Policy threePerSecond = new Policy("default", 3, Duration.ofSeconds(1));
        RedisRateLimiter crashing = newServer(threePerSecond, key -> {
            throw new SimulatedCrash();
        });
        catchThrowable(() -> crashing.tryAcquire("alice"));

        RedisRateLimiter server = newServer(threePerSecond, RedisRateLimiter.BetweenCommands.NOTHING);
        for (int i = 0; i < 4; i++) {
            server.tryAcquire("alice");                 // with the crashed one, 5 requests: over the limit of 3
        }
        try {
            await().atMost(Duration.ofSeconds(4))
                    .pollInterval(Duration.ofMillis(100))
                    // A counter without a TTL never expires: the lock-out is certain, so say so at once.
                    .failFast("a key without a TTL", () -> ttlOfEveryKey().containsValue(-1L))
                    .until(() -> server.tryAcquire("alice").allowed());
        } catch (ConditionTimeoutException | TerminalFailureException stillRefused) {
            fail("alice is refused, and her counter will never expire, with a limit of 3 per 1-second window. "
                    + "The process crashed between INCR and EXPIRE, so the counter has no TTL: it never expires, "
                    + "and she is locked out forever. Count and set the TTL in one atomic step (a Lua script).");
        }
    }

    @Test
    void everyKeyTheLimiterWritesHasATtl() {
        RedisRateLimiter server = newServer(HUNDRED_PER_MINUTE, RedisRateLimiter.BetweenCommands.NOTHING);
        for (String client : List.of("alice", "bob", "carol")) {
            for (int i = 0; i < 120; i++) {
                server.tryAcquire(client);
            }
        }
        Map<String, Long> ttls = ttlOfEveryKey();
        assertThat(ttls).as("keys written for 3 clients").isNotEmpty();
        assertThat(ttls).allSatisfy((key, ttl) -> assertThat(ttl)
                .as("TTL (ms) of %s: a key without one stays in Redis forever", key)
                .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis()));
    }

    @Test
    void reportsRemainingAndWhenTheWindowEnds() {
        RedisRateLimiter server = newServer(HUNDRED_PER_MINUTE, RedisRateLimiter.BetweenCommands.NOTHING);
        Decision third = null;
        for (int i = 0; i < 3; i++) {
            third = server.tryAcquire("alice");
        }
        assertThat(third.remaining()).as("remaining after 3 of 100").isEqualTo(97);
        assertThat(third.resetAfter()).as("resetAfter of a one-minute window just begun")
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 97; i++) {
            server.tryAcquire("alice");
        }
        Decision refused = server.tryAcquire("alice");
        assertThat(refused.allowed()).as("request 101").isFalse();
        assertThat(refused.retryAfter()).as("retryAfter of request 101: until the window ends")
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    /** One "server": its own Lettuce client and connection, as separate processes would have. */
    private static RedisRateLimiter newServer(Policy policy, RedisRateLimiter.BetweenCommands betweenCommands) {
        StatefulRedisConnection<String, String> connection = redis.newClient().connect();
        return new RedisRateLimiter(connection, policy, TIMEOUT, FailureMode.FAIL_CLOSED, betweenCommands);
    }

    private static Map<String, Long> ttlOfEveryKey() {
        return ttlOfEveryKey(redis);
    }

    /** Every key in a test class's Redis database, with its TTL in ms (-1: none). */
    static Map<String, Long> ttlOfEveryKey(Redis redis) {
        Map<String, Long> ttls = new LinkedHashMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.commands().scan(cursor, ScanArgs.Builder.limit(100));
            page.getKeys().forEach(key -> ttls.put(key, redis.commands().pttl(key)));
            cursor = page;
        } while (!cursor.isFinished());
        return ttls;
    }

    /** What the test throws between two commands: the process "dies" there. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash between two Redis commands");
        }
    }
}
