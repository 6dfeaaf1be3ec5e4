package workbook.scaling;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three instances of the app behind a round-robin balancer, each with the session store {@link Sessions} gives it. */
@Task(3)
class Task3StatelessSessionsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration TTL = Duration.ofMinutes(30);

    private final List<ProfileApp> instances = new ArrayList<>();
    private RoundRobinBalancer balancer;

    @BeforeEach
    void startFleet() {
        RedisClient client = redis.newClient();
        for (int i = 1; i <= 3; i++) {
            instances.add(ProfileApp.start("app-" + i, Sessions.forInstance(client, TTL)));
        }
        balancer = RoundRobinBalancer.start(instances.stream().map(ProfileApp::uri).toList());
    }

    @AfterEach
    void stopFleet() {
        if (balancer != null) {
            balancer.close();
        }
        instances.forEach(ProfileApp::close);
    }

    @Test
    void theNextRequestOnAnotherInstanceKnowsTheUser() throws Exception {
        Browser alice = new Browser(balancer.uri());
        Browser.Answer login = alice.logIn("alice");
        assertThat(login.status()).as("status of POST /login").isEqualTo(200);

        Browser.Answer profile = alice.profile();
        assertThat(profile.servedBy()).as("the balancer sends the next request to the next instance").isNotEqualTo(login.servedBy());
        assertThat(profile.status()).as("GET /profile right after logging in: " + login.servedBy() + " created the session, "
                + profile.servedBy() + " answered. A 401 here means the session lives only in the memory of the instance "
                + "that created it; keep sessions in a store every instance shares (Redis)").isEqualTo(200);
        assertThat(profile.body()).as("profile body").contains("alice");
    }

    @Test
    void everyInstanceServesEveryUser() throws Exception {
        Browser bob = new Browser(balancer.uri());
        bob.logIn("bob");
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Browser.Answer profile = bob.profile();
            assertThat(profile.status()).as("GET /profile number " + (i + 1) + " after logging in, answered by "
                    + profile.servedBy() + "; every instance must know every session").isEqualTo(200);
            servedBy.add(profile.servedBy());
        }
        assertThat(servedBy).as("instances that answered 6 profile requests").containsExactlyInAnyOrder("app-1", "app-2", "app-3");
    }

    @Test
    void stoppingTheInstanceThatLoggedYouInLosesNoSession() throws Exception {
        Browser carol = new Browser(balancer.uri());
        Browser.Answer login = carol.logIn("carol");
        instances.stream().filter(app -> app.name().equals(login.servedBy())).forEach(ProfileApp::close);

        for (int i = 0; i < 4; i++) {
            Browser.Answer profile = carol.profile();
            assertThat(profile.status()).as("GET /profile after " + login.servedBy() + ", the instance that logged carol in, "
                    + "was stopped (answered by " + profile.servedBy() + "): a session must outlive the instance that created it")
                    .isEqualTo(200);
        }
    }

    @Test
    void sessionsLiveInRedisWithATimeToLive() throws Exception {
        Browser dave = new Browser(balancer.uri());
        dave.logIn("dave");
        String id = dave.cookie().substring((ProfileApp.SESSION_COOKIE + "=").length());
        String key = "session:" + id;

        assertThat(redis.commands().get(key)).as("value of the Redis key " + key + " after logging in: the session, in Redis")
                .isEqualTo("dave");
        assertThat(redis.commands().pttl(key)).as("time to live of " + key + " in ms: a session must expire (TTL 30 min)")
                .isBetween(1L, TTL.toMillis());
    }

    @Test
    void usingASessionPushesItsExpiryBack() {
        try (RedisSessionStore store = new RedisSessionStore(redis.newClient(), TTL)) {
            String id = store.create("erin");
            redis.commands().pexpire(RedisSessionStore.key(id), 5_000); // as if the session had been idle for almost 30 min
            assertThat(store.user(id)).as("user of a live session").hasValue("erin");
            assertThat(redis.commands().pttl(RedisSessionStore.key(id))).as("TTL in ms after the session was used: sliding expiry "
                    + "starts the 30 minutes again at every use").isGreaterThan(Duration.ofMinutes(29).toMillis());
        }
    }

    @Test
    void anExpiredSessionIsGone() {
        try (RedisSessionStore store = new RedisSessionStore(redis.newClient(), Duration.ofMillis(200))) {
            String id = store.create("frank");
            await().atMost(Duration.ofSeconds(3)).until(() -> redis.commands().exists(RedisSessionStore.key(id)) == 0);
            assertThat(store.user(id)).as("user of a session idle for longer than its 200 ms TTL").isEmpty();
            assertThat(store.user("no-such-session")).as("user of an unknown session id").isEmpty();
        }
    }
}
