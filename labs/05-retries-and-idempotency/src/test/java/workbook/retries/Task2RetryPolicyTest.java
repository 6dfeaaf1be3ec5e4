package workbook.retries;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(2)
class Task2RetryPolicyTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final RetrySettings FOUR_ATTEMPTS = new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final MutableClock clock = MutableClock.at(NOW);
    private final RetryPolicy policy = new RetryPolicy(FOUR_ATTEMPTS, new Random(5));
    private LoadServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onlyOverloadAndGatewayErrorsAreRetried() {
        for (int status : new int[]{429, 502, 503, 504}) {
            assertThat(policy.isRetryable(Reply.of(status, ""))).as("is %d worth another attempt? The server is "
                    + "overloaded or briefly unreachable: later, it may well work", status).isTrue();
        }
        for (int status : new int[]{200, 201, 400, 401, 403, 404, 422, 501}) {
            assertThat(policy.isRetryable(Reply.of(status, ""))).as("is %d worth another attempt? The same request "
                    + "will get the same answer: retrying only adds load", status).isFalse();
        }
    }

    @Test
    void aRequestThatIsNotIdempotentIsRetriedOnlyWithAKey() {
        assertThat(policy.maySafelyRetry(Request.get("/orders"))).as("GET may be sent twice").isTrue();
        assertThat(policy.maySafelyRetry(new Request("PUT", "/orders/7", "{}", Optional.empty()))).as("PUT (idempotent, RFC 9110)").isTrue();
        assertThat(policy.maySafelyRetry(new Request("DELETE", "/orders/7", "", Optional.empty()))).as("DELETE (idempotent)").isTrue();
        assertThat(policy.maySafelyRetry(Request.post("/v1/charges", "{}")))
                .as("POST without an Idempotency-Key: a retry after a lost response charges twice").isFalse();
        assertThat(policy.maySafelyRetry(new Request("PATCH", "/orders/7", "{}", Optional.empty()))).as("PATCH without a key").isFalse();
        assertThat(policy.maySafelyRetry(Request.post("/v1/charges", "{}").withIdempotencyKey("k-1")))
                .as("POST with an Idempotency-Key: the server can tell a retry from a new request").isTrue();
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "120"), NOW))
                .as("Retry-After: 120").contains(Duration.ofSeconds(120));
        assertThat(policy.retryAfter(Reply.of(429, "").withHeader("Retry-After", "Mon, 02 Mar 2026 09:01:30 GMT"), NOW))
                .as("Retry-After as an HTTP-date 90 s after now (09:00:00)").contains(Duration.ofSeconds(90));
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "Mon, 02 Mar 2026 08:59:00 GMT"), NOW))
                .as("Retry-After as an HTTP-date already past: no wait").contains(Duration.ZERO);
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "soon"), NOW))
                .as("Retry-After: soon (neither form)").isEmpty();
        assertThat(policy.retryAfter(Reply.of(503, ""), NOW)).as("no Retry-After").isEmpty();
    }

    @Test
    void retryAfterIsHonouredOverTheBackoff() {
        Request get = Request.get("/work");
        assertThat(policy.delayBeforeNextAttempt(get, 1, Optional.of(Reply.of(503, "").withHeader("Retry-After", "7")), NOW))
                .as("wait after a 503 with Retry-After: 7 (the backoff would be at most 100 ms)").contains(Duration.ofSeconds(7));
        assertThat(policy.delayBeforeNextAttempt(get, 2,
                Optional.of(Reply.of(429, "").withHeader("Retry-After", "Mon, 02 Mar 2026 09:00:03 GMT")), NOW))
                .as("wait after a 429 asking for 09:00:03, at 09:00:00").contains(Duration.ofSeconds(3));
        assertThat(policy.delayBeforeNextAttempt(get, 1, Optional.of(Reply.of(400, "").withHeader("Retry-After", "1")), NOW))
                .as("a 400 is not retried, Retry-After or not").isEmpty();
    }

    @Test
    void whatIsNotRetried() {
        Optional<Reply> noReply = Optional.empty();
        assertThat(policy.delayBeforeNextAttempt(Request.get("/work"), 1, noReply, NOW))
                .as("GET with no reply (connection refused, reset or timed out): retry").isPresent();
        assertThat(policy.delayBeforeNextAttempt(Request.post("/v1/charges", "{}"), 1, noReply, NOW))
                .as("POST without a key and no reply: the server may have charged already; do not retry").isEmpty();
        assertThat(policy.delayBeforeNextAttempt(Request.post("/v1/charges", "{}").withIdempotencyKey("k"), 1, noReply, NOW))
                .as("POST with a key and no reply: retry").isPresent();
        assertThat(policy.delayBeforeNextAttempt(Request.get("/work"), 1, Optional.of(Reply.of(422, "")), NOW))
                .as("422: the request is wrong, and will be wrong again").isEmpty();
    }

    @Test
    void theClientWaitsWhatTheServerAsksOnARealServer() throws IOException {
        server = LoadServer.start(clock, 100, 100);
        server.outage(NOW, NOW.plusSeconds(2));
        server.retryAfter("2");
        FakeSleeper sleeper = new FakeSleeper(clock);
        Reply reply = new RetryingClient(policy, clock, sleeper)
                .send(Request.get("/work"), new HttpTransport("127.0.0.1", server.port(), Duration.ofSeconds(5)));
        assertThat(sleeper.waits()).as("waits of a client told 'Retry-After: 2' by a server that is back 2 s later")
                .containsExactly(Duration.ofSeconds(2));
        assertThat(reply.status()).as("status of the second attempt").isEqualTo(200);
        assertThat(server.requestsSeen()).as("requests the server saw").isEqualTo(2);
    }

    @Test
    void attemptsAreCappedAgainstAServerThatStaysDown() throws IOException {
        server = LoadServer.start(clock, 100, 100);
        server.outage(Instant.MIN, Instant.MAX);
        FakeSleeper sleeper = new FakeSleeper(clock);
        Reply reply = new RetryingClient(policy, clock, sleeper)
                .send(Request.get("/work"), new HttpTransport("127.0.0.1", server.port(), Duration.ofSeconds(5)));
        assertThat(server.requestsSeen()).as("requests the server saw for one call with at most 4 attempts").isEqualTo(4);
        assertThat(reply.status()).as("what the caller gets when every attempt failed: the last reply").isEqualTo(503);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).as("waits between the 4 attempts").hasSize(3);
        assertThat(waits.get(2)).as("the third wait (retry 2) is at most 100 × 2^2 ms").isLessThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aPostWithoutAKeyIsSentOnceWhenNoReplyComesBack() throws IOException {
        server = LoadServer.start(clock, 100, 100);
        Toxi.Proxied proxy = toxi.localPort("load", server.port());
        proxy.toxics().limitData("cut-replies", eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM, 0);
        AtomicInteger attempts = new AtomicInteger();
        HttpTransport http = new HttpTransport(proxy.host(), proxy.port(), Duration.ofSeconds(5));
        Transport counting = request -> {
            attempts.incrementAndGet();
            return http.send(request);
        };
        RetryingClient client = new RetryingClient(policy, clock, new FakeSleeper(clock));

        Throwable post = catchThrowable(() -> client.send(Request.post("/work", "{\"amount_cents\":500}"), counting));
        assertThat(post).as("a POST whose reply was lost ends with the connection error").isInstanceOf(IOException.class);
        assertThat(attempts.get()).as("attempts of a POST without a key whose reply was lost: the server did the work, "
                + "a retry would do it again").isEqualTo(1);

        attempts.set(0);
        catchThrowable(() -> client.send(Request.post("/work", "{\"amount_cents\":500}").withIdempotencyKey("k-9"), counting));
        assertThat(attempts.get()).as("attempts of the same POST with an Idempotency-Key (at most 4)").isEqualTo(4);
        assertThat(server.requestsSeen()).as("requests that reached the server through the proxy").isEqualTo(5);
    }
}
