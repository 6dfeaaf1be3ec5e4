package workbook.labkit;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisAndToxiTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    @Order(1)
    void writesToTheClassDatabase() {
        redis.commands().set("greeting", "hello");
        try (StatefulRedisConnection<String, String> connection = redis.newClient().connect()) {
            assertThat(connection.sync().get("greeting")).isEqualTo("hello");
        }
    }

    @Test
    @Order(2)
    void startsEveryTestWithAnEmptyDatabase() {
        assertThat(redis.commands().dbsize()).as("keys left over from the previous test").isZero();
    }

    @Test
    @Order(3)
    void addsLatencyToRedisThroughAProxy() throws Exception {
        Toxi.Proxied proxied = toxi.redis(redis);
        RedisClient client = redis.newClient(redis.uri(proxied));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
            proxied.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 200);
            long start = System.nanoTime();
            connection.sync().ping();
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(millis).as("a PING through a 200 ms latency toxic").isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void removedTheToxicsAfterThePreviousTest() throws Exception {
        Toxi.Proxied proxied = toxi.redis(redis);
        assertThat(proxied.toxics().getAll()).isEmpty();
    }

    @Test
    @Order(5)
    void reachesPostgresThroughAProxyAndCutsIt() throws Exception {
        Toxi.Proxied proxied = toxi.postgres(db);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(proxied), db.user(), db.password());
             ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.databaseName());
            proxied.disable();
            assertThat(connection.isValid(2)).as("a connection through a disabled proxy").isFalse();
        }
    }
}
