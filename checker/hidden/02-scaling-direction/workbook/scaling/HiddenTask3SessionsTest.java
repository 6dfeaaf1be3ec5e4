package workbook.scaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(3)
class HiddenTask3SessionsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    @Test
    void sessionIdsAreUnguessable() {
        try (RedisSessionStore store = new RedisSessionStore(redis.newClient(), Duration.ofMinutes(30))) {
            String first = store.create("alice");
            String second = store.create("alice");
            assertThat(first).as("two logins of the same user get different session ids").isNotEqualTo(second);
            assertThat(first).as("a session id must not contain the user name").doesNotContainIgnoringCase("alice");
            assertThat(first.length()).as("length of a session id: at least 128 bits written in hex or base64").isGreaterThanOrEqualTo(22);
        }
    }

    @Test
    void aSessionCreatedByOneStoreIsReadByAnother() {
        try (RedisSessionStore one = new RedisSessionStore(redis.newClient(), Duration.ofMinutes(30));
             RedisSessionStore other = new RedisSessionStore(redis.newClient(), Duration.ofMinutes(30))) {
            String id = one.create("grace");
            assertThat(other.user(id)).as("user of a session read through another instance's store").hasValue("grace");
            assertThat(other.user(one.create("heidi"))).as("a second user's session").hasValue("heidi");
        }
    }

    @Test
    void closingTheStoreClosesItsRedisConnection() {
        long before = connectedClients();
        RedisSessionStore store = new RedisSessionStore(redis.newClient(), Duration.ofMinutes(30));
        store.create("ivan");
        assertThat(connectedClients()).as("clients connected to Redis while the store is open").isEqualTo(before + 1);

        store.close();
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(connectedClients())
                .as("clients connected to Redis after the store was closed: close() must close its connection, "
                        + "or every stopped instance leaves one open").isEqualTo(before));
    }

    private static long connectedClients() {
        String info = redis.commands().info("clients");
        return info.lines().filter(line -> line.startsWith("connected_clients:"))
                .mapToLong(line -> Long.parseLong(line.substring("connected_clients:".length()).trim())).findFirst().orElseThrow();
    }
}
