package workbook.stampede;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 10,000 keys cached in one burst (a deploy, a cache warm-up, a batch job) with the same base TTL. */
@Task(5)
class Task5TtlJitterTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final int KEYS = 10_000;
    static final Duration BASE_TTL = Duration.ofSeconds(60);
    static final double SPREAD = 0.10;
    /** No one-second bucket may hold more than this share of the keys (±10% of 60 s spreads them over 12 s: about 8% each). */
    static final double MAX_SHARE_PER_SECOND = 0.10;

    @Test
    void keysWrittenTogetherDoNotExpireTogether() throws Exception {
        TtlJitter jitter = new TtlJitter(SPREAD, new Random(8));
        StatefulRedisConnection<String, String> connection = redis.newClient().connect();
        RedisAsyncCommands<String, String> commands = connection.async();

        List<RedisFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            writes.add(commands.psetex("product:" + i, jitter.next(BASE_TTL).toMillis(), "cached"));
        }
        awaitAll(writes);
        List<RedisFuture<Long>> ttls = IntStream.range(0, KEYS).mapToObj(i -> commands.pttl("product:" + i)).toList();
        awaitAll(ttls);

        Map<Long, Long> keysPerSecond = new TreeMap<>();
        for (RedisFuture<Long> ttl : ttls) {
            keysPerSecond.merge(ttl.get() / 1000, 1L, Long::sum);
        }
        long busiest = keysPerSecond.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat((double) busiest / KEYS).as("largest share of %d keys (written together, base TTL %d s, spread ±%.0f%%) "
                        + "that expire in the same second; keys per second of remaining TTL: %s",
                KEYS, BASE_TTL.toSeconds(), SPREAD * 100, keysPerSecond).isLessThanOrEqualTo(MAX_SHARE_PER_SECOND);
    }

    @Test
    void ttlsStayWithinTheSpreadAndCoverIt() {
        TtlJitter jitter = new TtlJitter(SPREAD, new Random(5));
        List<Long> millis = IntStream.range(0, KEYS).mapToObj(i -> jitter.next(BASE_TTL).toMillis()).toList();

        long shortest = millis.stream().mapToLong(Long::longValue).min().orElseThrow();
        long longest = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
        double mean = millis.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(shortest).as("shortest of %d TTLs for base 60 s, spread ±10%% (allowed 54000..66000 ms)", KEYS).isBetween(54_000L, 55_000L);
        assertThat(longest).as("longest of %d TTLs for base 60 s, spread ±10%% (allowed 54000..66000 ms)", KEYS).isBetween(65_000L, 66_000L);
        assertThat(mean).as("mean of %d TTLs for base 60 s: jitter spreads expiries, it must not shorten or lengthen them "
                + "on average", KEYS).isBetween(59_500.0, 60_500.0);
    }

    @Test
    void theSameSeedGivesTheSameTtls() {
        TtlJitter one = new TtlJitter(SPREAD, new Random(42));
        TtlJitter other = new TtlJitter(SPREAD, new Random(42));
        Function<TtlJitter, List<Duration>> draw = jitter -> IntStream.range(0, 100).mapToObj(i -> jitter.next(BASE_TTL)).toList();

        assertThat(draw.apply(one)).as("TTLs drawn with the same seed: all randomness must come from the given generator")
                .isEqualTo(draw.apply(other));
    }

    @Test
    void aSpreadOutsideZeroToOneIsRejected() {
        for (double spread : new double[]{0, -0.1, 1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new TtlJitter(spread, new Random(1)))
                    .as("new TtlJitter(%s, ...): a spread must be a fraction strictly between 0 and 1", spread)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("spread");
        }
    }

    private static void awaitAll(List<? extends RedisFuture<?>> futures) {
        boolean done = LettuceFutures.awaitAll(30, TimeUnit.SECONDS, futures.toArray(new RedisFuture[0]));
        assertThat(done).as("Redis answered %d commands within 30 s", futures.size()).isTrue();
    }
}
