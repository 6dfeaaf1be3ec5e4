package workbook.ratelimit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Task(5)
class Task5RateLimitHeadersTest {
    private static final Policy API = Policy.perMinute("default", 100);
    private static final Policy LOGIN = Policy.perMinute("login", 5);
    /** The test limiters say the window ends in 42 s, so the headers must say t=42 and Retry-After: 42. */
    private static final Duration WINDOW_ENDS_IN = Duration.ofSeconds(42);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private ApiServer server;

    @BeforeEach
    void start() throws IOException {
        server = ApiServer.start(
                new RateLimitFilter(API, new CountingLimiter(API.quota(), WINDOW_ENDS_IN)),
                new RateLimitFilter(LOGIN, new CountingLimiter(LOGIN.quota(), WINDOW_ENDS_IN)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAllowedResponseTellsThePolicyAndWhatIsLeft() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = get("/orders", "alice");
            assertThat(response.statusCode()).as("status of request %d of 100", i).isEqualTo(200);

            StructuredFields.Item policy = StructuredFields.item(header(response, "RateLimit-Policy"), "default");
            assertThat(policy.integer("q")).as("RateLimit-Policy q (quota) on an allowed response").isEqualTo(100);
            assertThat(policy.integer("w")).as("RateLimit-Policy w (window, seconds) on an allowed response").isEqualTo(60);

            StructuredFields.Item state = StructuredFields.item(header(response, "RateLimit"), "default");
            assertThat(state.integer("r")).as("RateLimit r (remaining) after request %d of 100", i).isEqualTo(100 - i);
            assertThat(state.integer("t")).as("RateLimit t (seconds until the quota is back)").isEqualTo(42);
        }
    }

    @Test
    void overTheLimitGets429WithRetryAfterAndTheEndpointIsNotCalled() throws Exception {
        for (int i = 0; i < 100; i++) {
            get("/orders", "alice");
        }
        int handledBefore = server.requestsHandled();
        HttpResponse<String> refused = get("/orders", "alice");

        assertThat(refused.statusCode()).as("status of request 101 with a limit of 100 per minute "
                + "(200 means nothing limits this API)").isEqualTo(429);
        assertThat(header(refused, "Retry-After")).as("Retry-After on a 429: whole seconds until the window ends").isEqualTo("42");
        StructuredFields.Item state = StructuredFields.item(header(refused, "RateLimit"), "default");
        assertThat(state.integer("r")).as("RateLimit r on a 429").isZero();
        assertThat(state.integer("t")).as("RateLimit t on a 429").isEqualTo(42);
        assertThat(StructuredFields.item(header(refused, "RateLimit-Policy"), "default").integer("q"))
                .as("RateLimit-Policy q on a 429").isEqualTo(100);
        assertThat(server.requestsHandled() - handledBefore)
                .as("requests that reached the endpoint among those refused: a 429 must cost the API nothing")
                .isZero();
    }

    @Test
    void limitsAreCountedPerApiKey() throws Exception {
        for (int i = 0; i < 100; i++) {
            get("/orders", "alice");
        }
        assertThat(get("/orders", "alice").statusCode()).as("alice's request 101").isEqualTo(429);
        HttpResponse<String> bob = get("/orders", "bob");
        assertThat(bob.statusCode()).as("bob's first request, after alice used her quota").isEqualTo(200);
        assertThat(StructuredFields.item(header(bob, "RateLimit"), "default").integer("r"))
                .as("bob's remaining after his first request").isEqualTo(99);
    }

    @Test
    void loginHasItsOwnStricterPolicy() throws Exception {
        HttpResponse<String> first = post("/login", "alice");
        assertThat(first.statusCode()).as("status of a first login").isEqualTo(200);
        StructuredFields.Item policy = StructuredFields.item(header(first, "RateLimit-Policy"), "login");
        assertThat(policy.integer("q")).as("quota of the login policy, stricter than the API's 100").isEqualTo(5);

        for (int i = 0; i < 4; i++) {
            post("/login", "alice");
        }
        HttpResponse<String> sixth = post("/login", "alice");
        assertThat(sixth.statusCode()).as("status of a 6th login within a minute (login limit 5)").isEqualTo(429);
        assertThat(StructuredFields.item(header(sixth, "RateLimit"), "login").integer("r")).as("login remaining").isZero();

        HttpResponse<String> orders = get("/orders", "alice");
        assertThat(orders.statusCode()).as("alice's GET /orders after her logins were refused: separate policies").isEqualTo(200);
        assertThat(StructuredFields.item(header(orders, "RateLimit"), "default").integer("r"))
                .as("alice's API remaining: logins must not spend the API's quota").isEqualTo(99);
    }

    @Test
    void aRequestWithoutAnApiKeyIsTurnedAway() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/orders")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of a request with no X-API-Key: nobody to count it against").isEqualTo(401);
        assertThat(server.requestsHandled()).as("requests that reached the endpoint").isZero();
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header(RateLimitFilter.API_KEY_HEADER, apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header(RateLimitFilter.API_KEY_HEADER, apiKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\",\"password\":\"secret\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError(
                "response " + response.statusCode() + " to " + response.request().uri().getPath() + " has no " + name
                        + " header; it has " + response.headers().map().keySet()));
    }

    /**
     * The limiter behind the filter in these tests: a plain count per key, with a window that always
     * ends in {@code windowEndsIn}. Task 5 is about the filter and the headers, so this test does not
     * depend on the algorithms of tasks 1 to 4.
     */
    static final class CountingLimiter implements RateLimiter {
        private final int quota;
        private final Duration windowEndsIn;
        private final Map<String, Integer> counts = new HashMap<>();

        CountingLimiter(int quota, Duration windowEndsIn) {
            this.quota = quota;
            this.windowEndsIn = windowEndsIn;
        }

        @Override
        public synchronized Decision tryAcquire(String clientKey) {
            int count = counts.merge(clientKey, 1, Integer::sum);
            return count <= quota
                    ? Decision.allow(quota - count, windowEndsIn, windowEndsIn)
                    : Decision.reject(windowEndsIn, windowEndsIn);
        }
    }
}
