package workbook.retries;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.retries.Payments.BODY;
import static workbook.retries.Payments.OTHER_BODY;
import static workbook.retries.Payments.charges;
import static workbook.retries.Payments.post;

@Task(4)
class Task4PostgresIdempotencyTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

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
    void aLostResponseIsRetriedAndTheCardChargedOnce() throws Exception {
        try (ChargeServer server = ChargeServer.start(endpoint(IdempotencySteps.NONE))) {
            Toxi.Proxied proxy = toxi.localPort("charges", server.port());
            // The request reaches the server, which charges and commits; the response is cut on its way back.
            proxy.toxics().limitData("lose-the-response", ToxicDirection.DOWNSTREAM, 0);
            FakeSleeper sleeper = new FakeSleeper(clock).whileWaiting(() -> removeToxics(proxy)); // the network heals
            RetryPolicy policy = new RetryPolicy(new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(2)), new Random(1));

            Reply reply = new RetryingClient(policy, clock, sleeper).send(
                    Request.post("/v1/charges", BODY).withIdempotencyKey("order-1001"),
                    new HttpTransport(proxy.host(), proxy.port(), Duration.ofSeconds(5)));

            assertThat(server.requestsSeen()).as("requests the server saw: the first, whose response was lost, and the retry").isEqualTo(2);
            assertThat(charges(payments)).as("charges for ONE payment whose response was lost and which the client "
                    + "retried with the same Idempotency-Key. 2 is the card charged twice: claim the key before "
                    + "charging, and answer a repeat with the stored reply").isEqualTo(1);
            assertThat(reply.status()).as("status the client finally gets").isEqualTo(201);
            assertThat(reply.body()).as("the retry's reply: the first request's receipt, replayed").contains("\"id\":\"ch_1\"");
            assertThat(reply.header(ChargeReplies.REPLAYED)).as("header %s on the replayed reply", ChargeReplies.REPLAYED).contains("true");
        }
    }

    @Test
    void twentyCopiesAtOnceChargeOnce() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        List<Concurrently.Outcome<Reply>> outcomes = Concurrently.run(20, caller -> post(endpoint, "order-2002", BODY));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of caller %d", o.caller()).isNull());
        List<Reply> replies = Concurrently.values(outcomes);
        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(charges(payments)).as("charges for 20 copies of one request arriving together (statuses: %s). "
                + "Check-then-insert lets several copies find nothing and all charge: the claim must be one "
                + "atomic statement (INSERT ... ON CONFLICT DO NOTHING)", statuses).isEqualTo(1);
        assertThat(statuses.keySet()).as("statuses of the 20 copies: 201 (the charge, or its replay) or 409 (still in progress)")
                .isSubsetOf(201, 409).contains(201);
        assertThat(replies.stream().filter(r -> r.status() == 201).map(Reply::body).distinct().toList())
                .as("receipts among the 201s: all the same charge").hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        Reply first = post(endpoint, "order-3003", BODY);
        Reply other = post(endpoint, "order-3003", OTHER_BODY);
        assertThat(other.status()).as("status for key order-3003 sent again with another amount (2999 instead of 1999): "
                + "the IETF Idempotency-Key draft answers 422, the key is reused for a different request").isEqualTo(422);
        assertThat(charges(payments)).as("charges after the refused reuse").isEqualTo(1);
        Reply again = post(endpoint, "order-3003", BODY);
        assertThat(again.status()).as("status of the original body sent again").isEqualTo(201);
        assertThat(again.body()).as("the original body sent again gets the stored receipt").isEqualTo(first.body());
    }

    @Test
    void aCrashAfterTheClaimIsRecoveredOnceTheLeaseRunsOut() {
        PostgresIdempotentCharges crashing = endpoint(Payments.crashOnceAfterClaim());
        catchThrowable(() -> post(crashing, "order-4004", BODY));
        assertThat(charges(payments)).as("charges after a process died between claiming the key and charging").isZero();

        Reply tooSoon = post(crashing, "order-4004", BODY);
        assertThat(tooSoon.status()).as("status of a retry 0 s after the crash, while the key's claim (lease 30 s) still "
                + "looks like a request in progress: 409, and no charge").isEqualTo(409);
        assertThat(charges(payments)).as("charges after that retry").isZero();

        clock.advance(LEASE.plusSeconds(1));
        Reply recovered = post(crashing, "order-4004", BODY);
        assertThat(recovered.status()).as("status of a retry 31 s after the crash: the lease has run out, so the claim "
                + "is taken over and the charge made; otherwise the key is stuck forever").isEqualTo(201);
        assertThat(charges(payments)).as("charges once recovered").isEqualTo(1);
    }

    @Test
    void aCrashAfterTheChargeLeavesNeitherTheChargeNorARecord() {
        PostgresIdempotentCharges crashing = endpoint(Payments.crashOnceAfterCharge());
        Throwable crash = catchThrowable(() -> post(crashing, "order-5005", BODY));
        assertThat(crash).as("the request whose process died after writing the charge").isInstanceOf(SimulatedCrash.class);
        assertThat(charges(payments)).as("charges right after a process died between writing the charge and "
                + "recording its reply: the two must commit together, so neither is there").isZero();
        clock.advance(LEASE.plusSeconds(1));
        Reply retry = post(crashing, "order-5005", BODY);
        assertThat(retry.status()).as("status of the retry after the lease").isEqualTo(201);
        assertThat(charges(payments)).as("charges after a process died between writing the charge and recording the "
                + "reply, then a retry. 2 means the charge committed without its record: commit the charge and the "
                + "stored reply in one transaction").isEqualTo(1);
    }

    @Test
    void keysAreForgottenAfter24Hours() {
        PostgresIdempotentCharges endpoint = endpoint(IdempotencySteps.NONE);
        Reply first = post(endpoint, "order-6006", BODY);
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(post(endpoint, "order-6006", BODY).body()).as("the same request 23:59:59 later: replayed").isEqualTo(first.body());
        assertThat(charges(payments)).as("charges after a repeat within 24 h").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        Reply dayLater = post(endpoint, "order-6006", BODY);
        assertThat(dayLater.status()).as("status of the same key 24 h later").isEqualTo(201);
        assertThat(charges(payments)).as("charges after the key expired (24 h): it is a new request now").isEqualTo(2);
        assertThat(dayLater.body()).as("a new charge has a new receipt").isNotEqualTo(first.body());
    }

    private static void removeToxics(Toxi.Proxied proxy) {
        try {
            for (var toxic : proxy.toxics().getAll()) {
                toxic.remove();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
