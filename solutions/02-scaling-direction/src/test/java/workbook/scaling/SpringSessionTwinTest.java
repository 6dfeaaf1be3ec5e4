package workbook.scaling;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production twin of Task 3: Spring Session's {@link RedisSessionRepository} (the repository
 * {@code @EnableRedisHttpSession} uses without indexing) behind the lab's {@link SessionStore}, in the
 * same fleet of three instances behind a round-robin balancer. Spring keeps a session as a Redis hash,
 * {@code spring:session:sessions:<id>}, where the solution keeps one string; the contract is the same.
 */
@Task(3)
class SpringSessionTwinTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private static final Duration TTL = Duration.ofMinutes(30);
    /** Where Spring's repository keeps a session: a hash under this prefix and the session's id. */
    private static final String KEY_PREFIX = "spring:session:sessions:";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aSessionOutlivesTheInstanceThatCreatedIt() throws Exception {
        List<ProfileApp> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            instances.add(open(ProfileApp.start("app-" + i, springSessions(TTL))));
        }
        RoundRobinBalancer balancer = open(RoundRobinBalancer.start(instances.stream().map(ProfileApp::uri).toList()));

        Browser carol = new Browser(balancer.uri());
        Browser.Answer login = carol.logIn("carol");
        assertThat(login.status()).as("POST /login").isEqualTo(200);
        instances.stream().filter(app -> app.name().equals(login.servedBy())).forEach(ProfileApp::close);
        for (int i = 0; i < 4; i++) {
            Browser.Answer profile = carol.profile();
            assertThat(profile.status()).as("GET /profile after %s, which logged carol in, was stopped (answered by %s)",
                    login.servedBy(), profile.servedBy()).isEqualTo(200);
            assertThat(profile.body()).contains("carol");
        }
    }

    @Test
    void usingASessionPushesItsExpiryBack() {
        SessionStore store = springSessions(TTL);
        String id = store.create("erin");
        String key = KEY_PREFIX + id;
        redis.commands().pexpire(key, 5_000); // as if it had been idle for almost 30 minutes
        assertThat(store.user(id)).as("user of a live session").hasValue("erin");
        assertThat(redis.commands().pttl(key)).as("TTL (ms) of %s after the session was used", key)
                .isGreaterThan(Duration.ofMinutes(29).toMillis());
    }

    @Test
    void anExpiredSessionIsGone() {
        // Spring writes expiry in whole seconds (last access + max inactive interval), so 1 s is its shortest.
        SessionStore store = springSessions(Duration.ofSeconds(1));
        String id = store.create("frank");
        await().atMost(Duration.ofSeconds(4)).until(() -> redis.commands().exists(KEY_PREFIX + id) == 0);
        assertThat(store.user(id)).as("user of a session idle for longer than its 1 s").isEmpty();
        assertThat(store.user("no-such-session")).as("user of an unknown session id").isEmpty();
    }

    private SessionStore springSessions(Duration ttl) {
        return open(SpringSessionStore.inRedis(redis.uri(), ttl));
    }

    private <T extends AutoCloseable> T open(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** The lab's session contract on Spring Session: what a servlet filter does for each request, by hand. */
    static final class SpringSessionStore<S extends Session> implements SessionStore {
        private static final String USER = "user";

        private final SessionRepository<S> sessions;
        private final LettuceConnectionFactory connections;

        private SpringSessionStore(SessionRepository<S> sessions, LettuceConnectionFactory connections) {
            this.sessions = sessions;
            this.connections = connections;
        }

        static SessionStore inRedis(RedisURI redis, Duration ttl) {
            RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.getHost(), redis.getPort());
            server.setDatabase(redis.getDatabase());
            LettuceConnectionFactory connections = new LettuceConnectionFactory(server);
            connections.afterPropertiesSet();
            RedisTemplate<String, Object> template = new RedisTemplate<>();
            template.setConnectionFactory(connections);
            template.setKeySerializer(new StringRedisSerializer());
            template.setHashKeySerializer(new StringRedisSerializer());
            template.afterPropertiesSet();
            RedisSessionRepository repository = new RedisSessionRepository(template);
            repository.setDefaultMaxInactiveInterval(ttl);
            return new SpringSessionStore<>(repository, connections);
        }

        @Override
        public String create(String user) {
            S session = sessions.createSession();
            session.setAttribute(USER, user);
            sessions.save(session);
            return session.getId();
        }

        @Override
        public Optional<String> user(String sessionId) {
            S session = sessions.findById(sessionId); // null when unknown or expired
            if (session == null) {
                return Optional.empty();
            }
            session.setLastAccessedTime(Instant.now()); // sliding expiry: saving moves the key's expiry
            sessions.save(session);
            return Optional.ofNullable(session.getAttribute(USER));
        }

        @Override
        public void close() {
            connections.destroy();
        }
    }
}
