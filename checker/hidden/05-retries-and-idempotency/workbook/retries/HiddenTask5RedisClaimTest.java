package workbook.retries;

import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static workbook.retries.Payments.BODY;
import static workbook.retries.Payments.OTHER_BODY;
import static workbook.retries.Payments.charges;
import static workbook.retries.Payments.post;

/** Hidden cases for Task 5: another body after a crash, several keys, the in-progress answer. */
@Task(5)
class HiddenTask5RedisClaimTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Duration LEASE = Duration.ofMillis(300);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private DataSource payments;
    private StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void setUp() throws Exception {
        payments = db.dataSource();
        Payments.reset(payments);
        connection = redis.newClient().connect();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private RedisIdempotentCharges server(IdempotencySteps steps) {
        return new RedisIdempotentCharges(connection, new ChargeSetup(payments, clock, LEASE, steps));
    }

    @Test
    void anotherBodyAfterACrashAfterTheChargeIs422() {
        RedisIdempotentCharges crashing = server(Payments.crashOnceAfterCharge());
        catchThrowable(() -> post(crashing, "order-r1", BODY));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> redis.commands().exists("idem:order-r1") == 0);
        Reply other = post(crashing, "order-r1", OTHER_BODY);
        assertThat(other.status()).as("status of another body under a key that charged (the charge is in PostgreSQL, "
                + "Redis forgot the claim): a reuse, 422, not the first charge's receipt").isEqualTo(422);
        assertThat(charges(payments)).as("charges").isEqualTo(1);
        Reply original = post(crashing, "order-r1", BODY);
        assertThat(original.status()).as("status of the original body after that").isEqualTo(201);
        assertThat(original.body()).as("its receipt: the first charge").contains("\"id\":\"ch_1\"");
    }

    @Test
    void aRepeatWhileInProgressIs409WithRetryAfter() {
        RedisIdempotentCharges crashing = server(Payments.crashOnceAfterClaim());
        catchThrowable(() -> post(crashing, "order-r2", BODY));
        Reply repeat = post(crashing, "order-r2", BODY);
        assertThat(repeat.status()).as("status of a repeat while the claim (lease 300 ms) is held").isEqualTo(409);
        assertThat(repeat.header("Retry-After")).as("Retry-After on the 409").isPresent();
        assertThat(charges(payments)).as("charges").isZero();
    }

    @Test
    void keysAreIndependent() {
        RedisIdempotentCharges server = server(IdempotencySteps.NONE);
        Reply a = post(server, "order-r3a", BODY);
        Reply b = post(server, "order-r3b", BODY);
        assertThat(a.body()).as("two keys, two charges").isNotEqualTo(b.body());
        assertThat(post(server, "order-r3b", BODY).body()).as("repeat of the second key").isEqualTo(b.body());
        assertThat(charges(payments)).as("charges").isEqualTo(2);
    }
}
