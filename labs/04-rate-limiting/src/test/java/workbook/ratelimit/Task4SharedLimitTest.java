package workbook.ratelimit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(4)
class Task4SharedLimitTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private static final Policy HUNDRED_PER_MINUTE = Policy.perMinute("default", 100);
    /** Generous, so that a busy machine never pushes these tests into the failure mode (that is Task 6). */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The fleet's clock: every server reads the same one, and the tests move it. */
    private final MutableClock clock = MutableClock.startingAtEpochMinute();

    @Test
    void eightServersEnforceOneLimitTogether() {
        List<RedisRateLimiter> servers = fleetOfEight();
        List<Integer> perServer = burst(servers, 100);
        int total = perServer.stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[Task 4] 8 servers, 800 concurrent requests for one API key: %d allowed in total %s%n", total, perServer);
        assertThat(total)
                .as("requests allowed for one API key across 8 servers sharing a limit of 100 per minute "
                        + "(allowed per server: %s); 800 would mean each server counts alone", perServer)
                .isEqualTo(100);
    }

    @Test
    void theFleetHasNoWindowEdge() {
        List<RedisRateLimiter> servers = fleetOfEight();
        clock.set(Instant.parse("2026-01-01T00:00:59Z"));
        int beforeTheEdge = total(burst(servers, 100));
        assertThat(beforeTheEdge).as("requests allowed at 00:00:59, 800 sent across 8 servers, limit 100 per minute")
                .isEqualTo(100);

        clock.set(Instant.parse("2026-01-01T00:01:00Z"));
        int afterTheEdge = total(burst(servers, 100));
        System.out.printf("[Task 4] 8 servers: %d allowed at 00:00:59, %d more one second later%n", beforeTheEdge, afterTheEdge);
        assertThat(afterTheEdge)
                .as("requests allowed at 00:01:00, one second after the client spent its 100: one request comes back "
                        + "every 60 s / 100 = 600 ms, so exactly 1. 100 is the fixed window's boundary burst (200 in one "
                        + "second), 0 means the limiter does not follow the clock it was given")
                .isEqualTo(1);

        clock.set(Instant.parse("2026-01-01T00:03:00Z"));
        assertThat(total(burst(servers, 100))).as("requests allowed at 00:03:00, after two quiet minutes: the whole quota "
                + "again, and never more (time spent idle is not saved up beyond one window)").isEqualTo(100);
    }

    @Test
    void reportsWhatRemainsAndWhenToComeBack() {
        RedisRateLimiter server = newServer(HUNDRED_PER_MINUTE, RedisRateLimiter.BetweenCommands.NOTHING);
        Decision third = null;
        for (int i = 0; i < 3; i++) {
            third = server.tryAcquire("alice");
        }
        assertThat(third.remaining()).as("remaining after 3 of 100 at one instant").isEqualTo(97);
        assertThat(third.retryAfter()).as("retryAfter while requests remain").isZero();
        assertThat(third.resetAfter()).as("resetAfter after 3 requests: each is forgotten 600 ms (60 s / 100) after "
                + "the one before").isEqualTo(Duration.ofMillis(1800));
        for (int i = 0; i < 97; i++) {
            server.tryAcquire("alice");
        }
        Decision refused = server.tryAcquire("alice");
        assertThat(refused.allowed()).as("request 101 at the same instant").isFalse();
        assertThat(refused.retryAfter()).as("retryAfter of request 101: one request comes back after 600 ms")
                .isEqualTo(Duration.ofMillis(600));
        assertThat(refused.resetAfter()).as("resetAfter of request 101: the whole quota is back after one window")
                .isEqualTo(Duration.ofMinutes(1));

        clock.advanceMillis(599);
        assertThat(server.tryAcquire("alice").allowed()).as("a request 599 ms later, told to come back after 600").isFalse();
        clock.advanceMillis(1);
        Decision comeBack = server.tryAcquire("alice");
        assertThat(comeBack.allowed()).as("a request 600 ms later, as it was told").isTrue();
        assertThat(comeBack.remaining()).as("remaining after it").isZero();
        assertThat(comeBack.retryAfter()).as("retryAfter after it: the next one comes back 600 ms later")
                .isEqualTo(Duration.ofMillis(600));
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
                .as("TTL (ms) of %s after a crash between two commands. -1 means no TTL: the key never expires, "
                        + "and once it passes the quota this client is refused forever. Decide and set the TTL in one "
                        + "atomic step (a Lua script)", key)
                .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis()));
    }

    @Test
    void aClientIsNotLockedOutForeverAfterACrash() {
        Policy threePerMinute = Policy.perMinute("default", 3);
        RedisRateLimiter crashing = newServer(threePerMinute, key -> {
            throw new SimulatedCrash();
        });
        catchThrowable(() -> crashing.tryAcquire("alice"));

        RedisRateLimiter server = newServer(threePerMinute, RedisRateLimiter.BetweenCommands.NOTHING);
        for (int i = 0; i < 4; i++) {
            server.tryAcquire("alice");                 // with the crashed one, 5 requests: over the limit of 3
        }
        clock.advance(Duration.ofMinutes(2));
        assertThat(server.tryAcquire("alice").allowed())
                .as("alice's request two minutes after she went over a limit of 3 per minute. If the process crashed "
                        + "between two commands (INCR, then EXPIRE) her key has no TTL: it never expires, and she is "
                        + "locked out forever. Decide and set the TTL in one atomic step (a Lua script), and take time "
                        + "from the clock the limiter is given")
                .isTrue();
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
        assertThat(ttls).as("keys written for 3 clients").hasSize(3);
        assertThat(ttls).allSatisfy((key, ttl) -> assertThat(ttl)
                .as("TTL (ms) of %s: a key without one stays in Redis forever", key)
                .isBetween(1L, HUNDRED_PER_MINUTE.windowMillis()));
    }

    private List<RedisRateLimiter> fleetOfEight() {
        List<RedisRateLimiter> servers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servers.add(newServer(HUNDRED_PER_MINUTE, RedisRateLimiter.BetweenCommands.NOTHING));
        }
        return servers;
    }

    /** Each server receives {@code perServer} requests for alice, all servers at once; allowed per server. */
    private static List<Integer> burst(List<RedisRateLimiter> servers, int perServer) {
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(servers.size(), server -> {
            int allowed = 0;
            for (int request = 0; request < perServer; request++) {
                allowed += servers.get(server).tryAcquire("alice").allowed() ? 1 : 0;
            }
            return allowed;
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).as("error on server %d", outcome.caller()).isNull());
        return Concurrently.values(outcomes);
    }

    private static int total(List<Integer> perServer) {
        return perServer.stream().mapToInt(Integer::intValue).sum();
    }

    /** One "server": its own Lettuce client and connection, as separate processes would have. */
    private RedisRateLimiter newServer(Policy policy, RedisRateLimiter.BetweenCommands betweenCommands) {
        StatefulRedisConnection<String, String> connection = redis.newClient().connect();
        return new RedisRateLimiter(connection, policy, clock, TIMEOUT, FailureMode.FAIL_CLOSED, betweenCommands);
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
