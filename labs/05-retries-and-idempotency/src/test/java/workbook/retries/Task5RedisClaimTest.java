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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static workbook.retries.Payments.BODY;
import static workbook.retries.Payments.OTHER_BODY;
import static workbook.retries.Payments.charges;
import static workbook.retries.Payments.post;

@Task(5)
class Task5RedisClaimTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** Redis's own clock runs the lease, so it is short and real here. */
    static final Duration LEASE = Duration.ofMillis(300);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private DataSource payments;
    private StatefulRedisConnection<String, String> first;
    private StatefulRedisConnection<String, String> second;

    @BeforeEach
    void setUp() throws Exception {
        payments = db.dataSource();
        Payments.reset(payments);
        first = redis.newClient().connect();
        second = redis.newClient().connect();
    }

    @AfterEach
    void closeConnections() {
        first.close();
        second.close();
    }

    private RedisIdempotentCharges server(StatefulRedisConnection<String, String> connection, IdempotencySteps steps) {
        return new RedisIdempotentCharges(connection, new ChargeSetup(payments, clock, LEASE, steps));
    }

    @Test
    void twoCopiesOnTwoServersChargeOnce() throws Exception {
        HoldAfterClaim hold = new HoldAfterClaim();
        RedisIdempotentCharges serverA = server(first, hold);
        RedisIdempotentCharges serverB = server(second, hold);
        CompletableFuture<Reply> copyA = CompletableFuture.supplyAsync(() -> post(serverA, "order-7007", BODY));
        try {
            assertThat(hold.awaitHeld()).as("the first copy reached the step after its claim").isTrue();
            Reply copyB = post(serverB, "order-7007", BODY); // arrives while the first copy is still charging
            assertThat(copyB.status()).as("status of a second copy arriving on another server while the first still "
                    + "runs: 409 (in progress). Looking the key up and then charging lets both copies find nothing; "
                    + "claim it with one SET NX").isEqualTo(409);
        } finally {
            hold.release();
        }
        assertThat(copyA.get(5, TimeUnit.SECONDS).status()).as("status of the first copy").isEqualTo(201);
        assertThat(charges(payments)).as("charges for two copies of one request on two servers").isEqualTo(1);
    }

    @Test
    void theClaimHoldsTheKeyForTheLeaseOnly() throws Exception {
        HoldAfterClaim hold = new HoldAfterClaim();
        RedisIdempotentCharges server = server(first, hold);
        CompletableFuture<Reply> held = CompletableFuture.supplyAsync(() -> post(server, "order-8008", BODY));
        try {
            assertThat(hold.awaitHeld()).as("the request reached the step after its claim").isTrue();
            Long ttl = redis.commands().pttl("idem:order-8008");
            assertThat(ttl).as("TTL (ms) of idem:order-8008 while its request is between claim and charge: the claim "
                    + "is written first, with the lease (300 ms) as its TTL, so that a dead owner's claim goes away "
                    + "(-2 means no such key: nothing was claimed)").isBetween(1L, LEASE.toMillis());
        } finally {
            hold.release();
        }
        held.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCrashAfterTheChargeDoesNotChargeTwice() {
        RedisIdempotentCharges crashing = server(first, Payments.crashOnceAfterCharge());
        catchThrowable(() -> post(crashing, "order-9009", BODY));
        assertThat(charges(payments)).as("charges after a crash between the PostgreSQL commit and the Redis write").isEqualTo(1);

        Reply soon = post(crashing, "order-9009", BODY);
        assertThat(charges(payments)).as("charges after a retry right after that crash: Redis has no reply stored, and "
                + "a second charge is the card charged twice (status of the retry: %d)", soon.status()).isEqualTo(1);

        awaitLeaseGone("order-9009");
        Reply later = post(crashing, "order-9009", BODY);
        assertThat(charges(payments)).as("charges after a retry once the claim's lease ran out. The charge committed in "
                + "PostgreSQL but Redis never heard: PostgreSQL must be able to say this key has charged already "
                + "(the charge row carries the key, under a unique constraint)").isEqualTo(1);
        assertThat(later.status()).as("status of that retry").isEqualTo(201);
        assertThat(later.body()).as("that retry's receipt: the first charge's").contains("\"id\":\"ch_1\"");
    }

    @Test
    void aCrashAfterTheClaimLosesNoCharge() {
        RedisIdempotentCharges crashing = server(first, Payments.crashOnceAfterClaim());
        catchThrowable(() -> post(crashing, "order-1010", BODY));
        awaitLeaseGone("order-1010");
        Reply retry = post(crashing, "order-1010", BODY);
        assertThat(retry.status()).as("status of a retry after a crash between claim and charge, once the lease ran out").isEqualTo(201);
        assertThat(charges(payments)).as("charges: the crashed attempt charged nothing, the retry once").isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        RedisIdempotentCharges server = server(first, IdempotencySteps.NONE);
        post(server, "order-1111", BODY);
        Reply other = post(server, "order-1111", OTHER_BODY);
        assertThat(other.status()).as("status for a key sent again with another amount: replaying the first "
                + "charge's receipt would tell the client its 29.99 charge went through. 422").isEqualTo(422);
        assertThat(charges(payments)).as("charges").isEqualTo(1);
    }

    @Test
    void theStoredReplyIsReplayedFor24Hours() {
        RedisIdempotentCharges server = server(first, IdempotencySteps.NONE);
        Reply created = post(server, "order-1212", BODY);
        Reply repeat = post(server, "order-1212", BODY);
        assertThat(repeat.body()).as("a repeat's reply").isEqualTo(created.body());
        assertThat(repeat.header(ChargeReplies.REPLAYED)).as("header %s on the repeat", ChargeReplies.REPLAYED).contains("true");
        assertThat(redis.commands().pttl("idem:order-1212")).as("TTL (ms) of the stored reply: 24 hours")
                .isBetween(Duration.ofHours(24).minusMinutes(1).toMillis(), Duration.ofHours(24).toMillis());
    }

    private void awaitLeaseGone(String key) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> redis.commands().exists("idem:" + key) == 0);
    }
}
