package workbook.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bucket4j, the library the walkthrough recommends, held to the same contract as the lab's own code:
 * the token bucket's burst and steady rate (Task 3) and one limit shared by eight servers through
 * Redis, with a TTL on every key (Task 4).
 */
class Bucket4jContractTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** Bucket4j reads time through a TimeMeter; this one reads the test's MutableClock. */
    private static TimeMeter meterOf(MutableClock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Test
    @Task(3)
    void tokenBucketBurstsToCapacityThenAllowsTheRefillRate() {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        // Capacity 10, one token a second, refilled continuously ("greedy"): the lab's TokenBucketLimiter(10, 1, 1 s).
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofSeconds(1)))
                .withCustomTimePrecision(meterOf(clock))
                .build();

        int burst = 0;
        for (int i = 0; i < 15; i++) {
            burst += bucket.tryConsume(1) ? 1 : 0;
        }
        assertThat(burst).as("requests Bucket4j allows from 15 sent at once to a full bucket of 10").isEqualTo(10);

        ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).as("wait for the next token").isEqualTo(Duration.ofSeconds(1));

        int steady = 0;
        for (int tick = 0; tick < 150; tick++) {
            clock.advanceMillis(200);
            steady += bucket.tryConsume(1) ? 1 : 0;
        }
        assertThat(steady).as("requests Bucket4j allows over 30 s at 5 per second after the burst (1 per second)").isEqualTo(30);

        clock.advance(Duration.ofHours(1));
        int afterIdle = 0;
        for (int i = 0; i < 15; i++) {
            afterIdle += bucket.tryConsume(1) ? 1 : 0;
        }
        assertThat(afterIdle).as("burst after an hour idle: the bucket never holds more than its capacity").isEqualTo(10);
    }

    @Test
    @Task(4)
    void eightServersShareOneBucketInRedis() {
        // 100 per minute, refilled all at once at the end of each minute ("intervally"), so that a test
        // lasting a few seconds expects exactly 100; refillGreedy would add 1.67 tokens a second.
        BucketConfiguration hundredPerMinute = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(100).refillIntervally(100, Duration.ofMinutes(1)))
                .build();
        List<ProxyManager<String>> servers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Each server its own client and connection; Bucket4j stores the bucket's state as bytes.
            StatefulRedisConnection<String, byte[]> connection = redis.newClient()
                    .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            servers.add(Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build());
        }

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(8, server -> {
            Bucket bucket = servers.get(server).builder().build("rl:default:alice", () -> hundredPerMinute);
            int allowed = 0;
            for (int request = 0; request < 100; request++) {
                allowed += bucket.tryConsume(1) ? 1 : 0;
            }
            return allowed;
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).as("error on server %d", outcome.caller()).isNull());
        int total = Concurrently.values(outcomes).stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("requests Bucket4j allows for one key across 8 servers sharing 100 per minute").isEqualTo(100);

        Map<String, Long> ttls = Task4SharedLimitTest.ttlOfEveryKey(redis);
        assertThat(ttls).as("keys Bucket4j wrote").isNotEmpty();
        assertThat(ttls).allSatisfy((key, ttl) -> assertThat(ttl).as("TTL (ms) of %s", key).isPositive());
    }
}
