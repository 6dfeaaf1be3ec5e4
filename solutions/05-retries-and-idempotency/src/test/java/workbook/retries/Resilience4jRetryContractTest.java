package workbook.retries;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Resilience4j Retry, configured with Task 2's policy, against the same real server and the same
 * contract: capped attempts, only retryable statuses and connection errors, Retry-After over the
 * computed backoff. Resilience4j sleeps for real, so the intervals here are short.
 */
@Task(2)
class Resilience4jRetryContractTest {
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<Long> intervals = new ArrayList<>();
    private LoadServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Task 2's policy in Resilience4j: 4 attempts, randomized exponential backoff from 10 ms, Retry-After first. */
    private Retry retry() {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2.0, 0.5);
        // Reads Retry-After with the lab's own parser, so that both forms of RFC 9110 are honoured.
        RetryPolicy retryAfterReader = new RetryPolicy(new RetrySettings(4, Duration.ofMillis(10), Duration.ofSeconds(2)), new Random(1));
        IntervalBiFunction<Reply> interval = (attempt, outcome) -> {
            Optional<Duration> asked = outcome.isRight()
                    ? retryAfterReader.retryAfter(outcome.get(), clock.instant()) : Optional.empty();
            long millis = asked.map(Duration::toMillis).orElseGet(() -> backoff.apply(attempt));
            intervals.add(millis);
            return millis;
        };
        RetryConfig config = RetryConfig.<Reply>custom()
                .maxAttempts(4)
                .retryOnResult(reply -> RETRYABLE.contains(reply.status()))
                .retryExceptions(IOException.class)
                .intervalBiFunction(interval)
                .build();
        return Retry.of("charges", config);
    }

    private Reply call(Retry retry, Transport transport) throws Throwable {
        CheckedSupplier<Reply> decorated = Retry.decorateCheckedSupplier(retry, () -> transport.send(Request.get("/work")));
        return decorated.get();
    }

    @Test
    void attemptsAreCappedAndTheLastReplyReturned() throws Throwable {
        server = LoadServer.start(clock, 100, 100);
        server.outage(Instant.MIN, Instant.MAX);
        Reply reply = call(retry(), new HttpTransport("127.0.0.1", server.port(), Duration.ofSeconds(5)));
        assertThat(server.requestsSeen()).as("requests for one call with at most 4 attempts").isEqualTo(4);
        assertThat(reply.status()).as("the last reply").isEqualTo(503);
        assertThat(intervals).as("waits between attempts: randomized around 10, 20, 40 ms (± 50%)").hasSize(3);
        assertThat(intervals.get(2)).as("the third wait").isBetween(20L, 60L);
    }

    @Test
    void aClientErrorIsNotRetried() throws Throwable {
        AtomicInteger attempts = new AtomicInteger();
        Reply reply = call(retry(), request -> {
            attempts.incrementAndGet();
            return Reply.of(422, "{}");
        });
        assertThat(reply.status()).as("status").isEqualTo(422);
        assertThat(attempts.get()).as("attempts of a request answered 422").isEqualTo(1);
    }

    @Test
    void aConnectionErrorIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable thrown = catchThrowable(() -> call(retry(), request -> {
            attempts.incrementAndGet();
            throw new IOException("connection refused");
        }));
        assertThat(thrown).as("after the last attempt").isInstanceOf(IOException.class);
        assertThat(attempts.get()).as("attempts with no reply at all").isEqualTo(4);
    }

    @Test
    void retryAfterWinsOverTheBackoff() throws Throwable {
        server = LoadServer.start(clock, 100, 100);
        server.outage(clock.instant(), clock.instant().plusSeconds(1));
        server.retryAfter("1");
        Transport moveClockAfterWait = request -> new HttpTransport("127.0.0.1", server.port(), Duration.ofSeconds(5)).send(request);
        Retry retry = retry();
        retry.getEventPublisher().onRetry(event -> clock.advance(Duration.ofMillis(event.getWaitInterval().toMillis())));
        Reply reply = call(retry, moveClockAfterWait);
        assertThat(intervals).as("the wait chosen after a 503 with Retry-After: 1").containsExactly(1000L);
        assertThat(reply.status()).as("status after waiting as asked").isEqualTo(200);
        assertThat(server.requestsSeen()).as("requests").isEqualTo(2);
    }
}
