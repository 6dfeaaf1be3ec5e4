package workbook.ratelimit;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 5: seconds are rounded up, never down to a "retry now". */
@Task(5)
class HiddenTask5RateLimitHeadersTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fractionsOfASecondRoundUp() throws Exception {
        assertThat(refusedHeaders(Duration.ofMillis(41_300)))
                .as("Retry-After and RateLimit t when the window ends in 41.3 s").containsExactly("42", "42");
        assertThat(refusedHeaders(Duration.ofMillis(300)))
                .as("Retry-After and RateLimit t when the window ends in 0.3 s: 0 would invite an immediate retry")
                .containsExactly("1", "1");
    }

    /** Sends two requests through a filter whose limiter allows one and says the window ends in {@code endsIn}. */
    private String[] refusedHeaders(Duration endsIn) throws Exception {
        RateLimiter oneThenRefuse = new RateLimiter() {
            private int count;

            @Override
            public synchronized Decision tryAcquire(String clientKey) {
                return ++count <= 1 ? Decision.allow(0, endsIn, endsIn) : Decision.reject(endsIn, endsIn);
            }
        };
        Policy policy = new Policy("default", 1, Duration.ofSeconds(60));
        try (ApiServer server = ApiServer.start(new RateLimitFilter(policy, oneThenRefuse),
                new RateLimitFilter(Policy.perMinute("login", 5), oneThenRefuse))) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/orders")).header(RateLimitFilter.API_KEY_HEADER, "alice").build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> refused = http.send(request, HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).as("status of the second request").isEqualTo(429);
            String retryAfter = refused.headers().firstValue("Retry-After").orElse("(missing)");
            String rateLimit = refused.headers().firstValue("RateLimit").orElse("");
            String t = rateLimit.replaceAll(".*;\\s*t=(\\d+).*", "$1");
            return new String[]{retryAfter, t};
        }
    }
}
