package workbook.scaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
}
