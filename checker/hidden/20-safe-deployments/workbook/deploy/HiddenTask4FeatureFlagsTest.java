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

/** Hidden cases for Task 4: the exact bucket rule, fractions, per-flag refresh, absent flags, rule order. */
@Task(4)
class HiddenTask4FeatureFlagsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private RedisFlags store;
    private final AtomicInteger loads = new AtomicInteger();
    private FeatureFlags flags;

    @BeforeEach
    void connect() {
        store = new RedisFlags(redis.commands());
        FlagSource counting = name -> {
            loads.incrementAndGet();
            return store.load(name);
        };
        flags = new FeatureFlags(counting, clock, REFRESH);
    }

    @Test
    void theBucketIsSaltedWithTheFlagsNameAndFractionsCount() {
        store.save(Flag.rollout("search-v2", 12.5));
        store.save(Flag.rollout("dark-mode", 37));
        int differences = 0;
        for (int i = 0; i < 5000; i++) {
            String id = "customer-" + i;
            User user = new User(id, "eu");
            differences += flags.isEnabled("search-v2", user) == Buckets.inFirst(12.5, "search-v2", id) ? 0 : 1;
            differences += flags.isEnabled("dark-mode", user) == Buckets.inFirst(37, "dark-mode", id) ? 0 : 1;
        }
        assertThat(differences).as("answers (of 10,000) that differ from bucket(salt = flag name) < percent x 100")
                .isZero();
    }

    @Test
    void zeroAndHundredPercent() {
        store.save(Flag.rollout("none", 0));
        store.save(Flag.rollout("all", 100));
        for (int i = 0; i < 2000; i++) {
            User user = new User("u" + i, "us");
            assertThat(flags.isEnabled("none", user)).as("u%d at 0%%", i).isFalse();
            assertThat(flags.isEnabled("all", user)).as("u%d at 100%%", i).isTrue();
        }
    }

    @Test
    void anAbsentFlagIsCachedToo() {
        for (int i = 0; i < 100; i++) {
            assertThat(flags.isEnabled("not-yet", new User("u" + i, "eu"))).isFalse();
        }
        assertThat(loads.get()).as("Redis reads for 100 evaluations of a flag that does not exist").isEqualTo(1);
        store.save(Flag.rollout("not-yet", 100));
        clock.advance(REFRESH);
        assertThat(flags.isEnabled("not-yet", new User("u1", "eu"))).as("the flag once created and refreshed").isTrue();
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void eachFlagRefreshesOnItsOwnClock() {
        store.save(Flag.rollout("a", 100));
        store.save(Flag.rollout("b", 100));
        User user = new User("u", "eu");
        flags.isEnabled("a", user);
        clock.advance(Duration.ofSeconds(20));
        flags.isEnabled("b", user);
        assertThat(loads.get()).isEqualTo(2);
        store.save(Flag.rollout("a", 100).withKilled(true));
        store.save(Flag.rollout("b", 100).withKilled(true));
        clock.advance(Duration.ofSeconds(10));
        assertThat(flags.isEnabled("a", user)).as("flag a, 30 s after it was loaded").isFalse();
        assertThat(flags.isEnabled("b", user)).as("flag b, 10 s after it was loaded").isTrue();
        assertThat(loads.get()).as("Redis reads: a twice, b once").isEqualTo(3);
        clock.advance(Duration.ofSeconds(20));
        assertThat(flags.isEnabled("b", user)).as("flag b, 30 s after it was loaded").isFalse();
    }

    @Test
    void anAlwaysOnUserOutsideTheRegions() {
        store.save(new Flag("eu-beta", false, 0, Set.of("staff-7"), Set.of("eu")));
        assertThat(flags.isEnabled("eu-beta", new User("staff-7", "us"))).as("an always-on user in another region").isTrue();
        assertThat(flags.isEnabled("eu-beta", new User("user-7", "eu"))).as("an eu user of a 0%% eu flag").isFalse();
        store.save(new Flag("eu-half", false, 100, Set.of(), Set.of("eu", "uk")));
        assertThat(flags.isEnabled("eu-half", new User("user-7", "uk"))).as("a uk user of an eu+uk flag").isTrue();
        assertThat(flags.isEnabled("eu-half", new User("user-7", "br"))).as("a br user of an eu+uk flag").isFalse();
        assertThat(Optional.of(flags.isEnabled("eu-half", new User("user-7", "eu")))).contains(true);
    }
}
