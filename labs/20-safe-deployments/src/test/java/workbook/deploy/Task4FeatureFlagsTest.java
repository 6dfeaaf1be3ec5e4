package workbook.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4FeatureFlagsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final int USERS = 100_000;
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private RedisFlags store;
    private CountingSource counting;

    /** Counts the round trips to Redis. */
    static final class CountingSource implements FlagSource {
        final FlagSource target;
        final AtomicInteger loads = new AtomicInteger();

        CountingSource(FlagSource target) {
            this.target = target;
        }

        @Override
        public Optional<Flag> load(String name) {
            loads.incrementAndGet();
            return target.load(name);
        }
    }

    @BeforeEach
    void connect() {
        store = new RedisFlags(redis.commands());
        counting = new CountingSource(store);
    }

    private FeatureFlags flags() {
        return new FeatureFlags(counting, clock, REFRESH);
    }

    static User user(int i) {
        return new User("user-" + i, "eu");
    }

    @Test
    void percentageRolloutsReachTheirShareWithinOnePercentOf100000Users() {
        for (double percent : new double[] {5, 25, 50}) {
            store.save(Flag.rollout("share-" + (int) percent, percent));
        }
        FeatureFlags flags = flags();
        for (double percent : new double[] {5, 25, 50}) {
            int on = 0;
            for (int i = 0; i < USERS; i++) {
                on += flags.isEnabled("share-" + (int) percent, user(i)) ? 1 : 0;
            }
            System.out.printf("[Task 4] flag at %.0f%%: %d of %d users%n", percent, on, USERS);
            assertThat(on).as("users (of %d) who get a flag rolled out to %.0f%%: within 1%% of the users (1,000) "
                    + "of the target", USERS, percent).isBetween((int) (percent * 1000) - 1000, (int) (percent * 1000) + 1000);
        }
    }

    @Test
    void twoFlagsAtFiftyPercentPickIndependentHalves() {
        store.save(Flag.rollout("new-checkout", 50));
        store.save(Flag.rollout("new-search", 50));
        FeatureFlags flags = flags();
        int both = 0;
        for (int i = 0; i < USERS; i++) {
            if (flags.isEnabled("new-checkout", user(i)) && flags.isEnabled("new-search", user(i))) {
                both++;
            }
        }
        assertThat(both).as("users (of %d) with both of two flags at 50%%: independent halves overlap in a quarter "
                + "(25,000 +- 1,000); 50,000 means both flags used the same hash, so the same users get every "
                + "experiment: salt the bucket with the flag's name", USERS).isBetween(24_000, 26_000);
    }

    @Test
    void aUserNeverFlipsBetweenRequestsNorAfterARestartAndRaisingThePercentOnlyAddsUsers() {
        store.save(Flag.rollout("new-checkout", 10));
        FeatureFlags server1 = flags();
        FeatureFlags server2 = flags();
        boolean[] atTen = new boolean[2000];
        int flips = 0;
        for (int i = 0; i < atTen.length; i++) {
            atTen[i] = server1.isEnabled("new-checkout", user(i));
            flips += server1.isEnabled("new-checkout", user(i)) == atTen[i] ? 0 : 1;
            flips += server2.isEnabled("new-checkout", user(i)) == atTen[i] ? 0 : 1;
        }
        assertThat(flips).as("answers (for 2,000 users, asked again and on a second server) that differ from the first")
                .isZero();
        store.save(Flag.rollout("new-checkout", 20));
        clock.advance(REFRESH);
        int lost = 0;
        int gained = 0;
        for (int i = 0; i < atTen.length; i++) {
            boolean atTwenty = server1.isEnabled("new-checkout", user(i));
            lost += atTen[i] && !atTwenty ? 1 : 0;
            gained += !atTen[i] && atTwenty ? 1 : 0;
        }
        assertThat(lost).as("users (of 2,000) who had the feature at 10%% and lost it at 20%%").isZero();
        assertThat(gained).as("users (of 2,000) who got the feature when 10%% became 20%%").isBetween(120, 280);
    }

    @Test
    void flagsAreCachedAndAChangeInRedisArrivesWithoutARestart() {
        store.save(Flag.rollout("new-checkout", 100));
        FeatureFlags flags = flags();
        for (int i = 0; i < 1000; i++) {
            assertThat(flags.isEnabled("new-checkout", user(i))).as("user-%d, flag at 100%%", i).isTrue();
        }
        assertThat(counting.loads.get()).as("Redis reads for 1,000 evaluations of one flag within its 30 s refresh")
                .isEqualTo(1);
        store.save(Flag.rollout("new-checkout", 100).withKilled(true));
        clock.advance(REFRESH.minusSeconds(1));
        assertThat(flags.isEnabled("new-checkout", user(1))).as("29 s after loading, the cached flag (kill switch not seen yet)")
                .isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(flags.isEnabled("new-checkout", user(1))).as("30 s after loading, after the kill switch was set in Redis")
                .isFalse();
        assertThat(counting.loads.get()).as("Redis reads once the refresh time had passed").isEqualTo(2);
    }

    @Test
    void targetingRulesAndTheKillSwitch() {
        store.save(new Flag("beta", false, 0, Set.of("staff-1"), Set.of()));
        store.save(new Flag("eu-only", false, 100, Set.of(), Set.of("eu")));
        store.save(new Flag("killed", true, 100, Set.of("staff-1"), Set.of()));
        FeatureFlags flags = flags();
        assertThat(flags.isEnabled("beta", new User("staff-1", "us"))).as("an always-on user of a flag at 0%%").isTrue();
        assertThat(flags.isEnabled("beta", new User("user-1", "us"))).as("another user of a flag at 0%%").isFalse();
        assertThat(flags.isEnabled("eu-only", new User("user-1", "eu"))).as("an eu user of a 100%% eu-only flag").isTrue();
        assertThat(flags.isEnabled("eu-only", new User("user-1", "us"))).as("a us user of a 100%% eu-only flag").isFalse();
        assertThat(flags.isEnabled("killed", new User("staff-1", "eu"))).as("an always-on user of a killed flag: "
                + "the kill switch beats every rule").isFalse();
        assertThat(flags.isEnabled("missing", new User("user-1", "eu"))).as("a flag that is not in Redis").isFalse();
    }
}
