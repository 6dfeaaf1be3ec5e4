package workbook.retries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.retries.Payments.BODY;
import static workbook.retries.Payments.OTHER_BODY;
import static workbook.retries.Payments.charges;
import static workbook.retries.Payments.post;

/** Hidden cases for Task 4: another body while in progress, an owner outlived by its lease, expired keys, several keys. */
@Task(4)
class HiddenTask4PostgresIdempotencyTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private DataSource payments;

    @BeforeEach
    void emptyTables() throws Exception {
        payments = db.dataSource();
        Payments.reset(payments);
    }

    private PostgresIdempotentCharges endpoint(IdempotencySteps steps) {
        return new PostgresIdempotentCharges(new ChargeSetup(payments, clock, LEASE, steps));
    }

    @Test
    void anotherBodyWhileTheFirstIsInProgressIs422() {
        PostgresIdempotentCharges crashing = endpoint(Payments.crashOnceAfterClaim());
        catchThrowable(() -> post(crashing, "order-h1", BODY));
        assertThat(post(crashing, "order-h1", OTHER_BODY).status())
                .as("status of another body under a key whose first request is still in progress: it is a reuse (422), not a retry").isEqualTo(422);
        clock.advance(LEASE.plusSeconds(5));
        assertThat(post(crashing, "order-h1", OTHER_BODY).status())
                .as("status of another body once the first request's lease ran out: it may not take the key over").isEqualTo(422);
        assertThat(charges(payments)).as("charges").isZero();
    }

    @Test
    void anOwnerWhoseLeaseWasTakenOverDoesNotChargeToo() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger entries = new AtomicInteger();
        IdempotencySteps slowFirst = new IdempotencySteps() {
            @Override
            public void afterClaim(String key) {
                if (entries.incrementAndGet() == 1) {
                    firstInside.countDown();
                    try {
                        releaseFirst.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        PostgresIdempotentCharges endpoint = endpoint(slowFirst);
        CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> post(endpoint, "order-h2", BODY));
        assertThat(firstInside.await(2, TimeUnit.SECONDS)).as("the first request holds its claim").isTrue();
        clock.advance(LEASE.plusSeconds(1));                  // the first request is slow, not dead: its lease runs out
        Reply takeover = post(endpoint, "order-h2", BODY);
        assertThat(takeover.status()).as("status of the repeat that took the expired claim over").isEqualTo(201);
        releaseFirst.countDown();
        Reply late = slow.get(5, TimeUnit.SECONDS);
        assertThat(charges(payments)).as("charges after a slow owner, whose claim was taken over, finished its work: it "
                + "must not record a second charge (status it answered: %d)", late.status()).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsFreeForAnyBody() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        post(endpoint, "order-h3", BODY);
        clock.advance(Duration.ofHours(25));
        Reply reused = post(endpoint, "order-h3", OTHER_BODY);
        assertThat(reused.status()).as("status of another body under a key that expired an hour ago").isEqualTo(201);
        assertThat(reused.body()).as("its receipt").contains("\"amount_cents\":2999");
        assertThat(post(endpoint, "order-h3", OTHER_BODY).body()).as("its repeat").isEqualTo(reused.body());
        assertThat(charges(payments)).as("charges").isEqualTo(2);
    }

    @Test
    void keysAreIndependent() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        Reply a = post(endpoint, "order-h4a", BODY);
        Reply b = post(endpoint, "order-h4b", BODY);
        assertThat(a.body()).as("two keys with the same body are two charges").isNotEqualTo(b.body());
        assertThat(post(endpoint, "order-h4a", BODY).body()).as("repeat of the first key").isEqualTo(a.body());
        assertThat(post(endpoint, "order-h4b", BODY).body()).as("repeat of the second key").isEqualTo(b.body());
        assertThat(charges(payments)).as("charges").isEqualTo(2);
    }

    @Test
    void theFirstReplyIsNotMarkedAsAReplay() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        Reply first = post(endpoint, "order-h5", BODY);
        assertThat(first.status()).as("status of the first request").isEqualTo(201);
        assertThat(first.header(ChargeReplies.REPLAYED)).as("replay header on the first reply").isEmpty();
        Reply again = post(endpoint, "order-h5", BODY);
        assertThat(again.status()).as("status of the replay").isEqualTo(201);
    }
}
