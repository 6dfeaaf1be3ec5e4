package workbook.retries;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 2: gateway errors on a POST, odd Retry-After values, the other idempotent methods. */
@Task(2)
class HiddenTask2RetryPolicyTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(2)), new Random(5));

    @Test
    void aPostWithoutAKeyIsNotRetriedOnAnyStatusEither() {
        Request post = Request.post("/v1/charges", "{}");
        for (int status : new int[]{429, 502, 503, 504}) {
            assertThat(policy.delayBeforeNextAttempt(post, 1, Optional.of(Reply.of(status, "").withHeader("Retry-After", "1")), NOW))
                    .as("POST without a key answered %d: a gateway may have passed it on and the work may be done", status).isEmpty();
        }
        assertThat(policy.delayBeforeNextAttempt(post.withIdempotencyKey("k"), 1, Optional.of(Reply.of(504, "")), NOW))
                .as("the same POST with a key, answered 504").isPresent();
    }

    @Test
    void oddRetryAfterValues() {
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "-5"), NOW)).as("Retry-After: -5 is neither form").isEmpty();
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "1.5"), NOW)).as("Retry-After: 1.5 is neither form").isEmpty();
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "0"), NOW)).as("Retry-After: 0").contains(Duration.ZERO);
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "Mon, 02 Mar 2026 09:00:00 GMT"), NOW))
                .as("Retry-After: an HTTP-date equal to now").contains(Duration.ZERO);
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "Tue, 03 Mar 2026 09:00:00 GMT"), NOW))
                .as("Retry-After: an HTTP-date a day later").contains(Duration.ofDays(1));
        assertThat(policy.retryAfter(Reply.of(503, "").withHeader("Retry-After", "99999999999999999999999"), NOW))
                .as("Retry-After with 23 digits: ignored, not an exception").isEmpty();
    }

    @Test
    void everyIdempotentMethodMayBeRepeated() {
        for (String method : new String[]{"HEAD", "OPTIONS", "TRACE"}) {
            assertThat(policy.maySafelyRetry(new Request(method, "/x", "", Optional.empty()))).as("%s is idempotent (RFC 9110)", method).isTrue();
        }
        assertThat(policy.maySafelyRetry(new Request("CONNECT", "/x", "", Optional.empty()))).as("CONNECT without a key").isFalse();
    }

    @Test
    void aRetryAfterOnANonRetryableStatusIsNotAReason() {
        assertThat(policy.delayBeforeNextAttempt(Request.get("/x"), 1,
                Optional.of(Reply.of(501, "").withHeader("Retry-After", "3")), NOW)).as("501 with Retry-After").isEmpty();
        assertThat(policy.delayBeforeNextAttempt(Request.get("/x"), 3,
                Optional.of(Reply.of(503, "").withHeader("Retry-After", "3")), NOW)).as("503 after attempt 3 of 4").contains(Duration.ofSeconds(3));
        assertThat(policy.delayBeforeNextAttempt(Request.get("/x"), 4,
                Optional.of(Reply.of(503, "").withHeader("Retry-After", "3")), NOW)).as("503 after attempt 4 of 4: no more").isEmpty();
    }
}
