package workbook.failing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class Task6GracefulDegradationTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    /** Open at 50% failures once 2 calls are in a window of 4; 10 s of cooldown. */
    static final BreakerSettings SETTINGS = new BreakerSettings(4, 50, 2, Duration.ofSeconds(10));

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private Backend service;
    private Toxi.Proxied toService;
    private CircuitBreaker breaker;
    private DegradedRecommendations recommendations;

    @BeforeEach
    void start() throws Exception {
        service = Backend.recommendations();
        toService = toxi.localPort("t6-recommendations", service.port());
        breaker = new CircuitBreaker(SETTINGS, clock);
        DependencyClient client = new DependencyClient(URI.create("http://" + toService.address()),
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        recommendations = new DegradedRecommendations(client, breaker, redis.commands());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aLiveAnswerIsKeptAsTheLastGoodCopy() {
        Recommendations live = recommendations.forUser("ann");
        assertThat(live.items()).as("live recommendations for ann").containsExactly("book-for-ann", "lamp", "kettle");
        assertThat(live.source()).isEqualTo(Recommendations.Source.LIVE);
        assertThat(live.degraded()).isFalse();
        assertThat(redis.commands().get("recs:last:ann")).as("ann's last good copy in Redis (key recs:last:ann)")
                .isEqualTo("book-for-ann,lamp,kettle");
        assertThat(redis.commands().ttl("recs:last:ann")).as("seconds the copy is kept (24 h)").isBetween(86_390L, 86_400L);
    }

    @Test
    void aDeadServiceFallsBackToTheUsersLastGoodCopyOrTheDefault() {
        recommendations.forUser("ann");
        toService.disable();
        Recommendations forAnn = recommendations.forUser("ann");
        assertThat(forAnn.items()).as("ann's recommendations with the service dead: her last good copy")
                .containsExactly("book-for-ann", "lamp", "kettle");
        assertThat(forAnn.source()).as("where they came from").isEqualTo(Recommendations.Source.LAST_GOOD_COPY);
        Recommendations forBob = recommendations.forUser("bob");
        assertThat(forBob.items()).as("bob's recommendations with the service dead and no copy kept for him")
                .isEqualTo(Recommendations.DEFAULT_ITEMS);
        assertThat(forBob.source()).isEqualTo(Recommendations.Source.DEFAULT);
    }

    @Test
    void anOpenBreakerAnswersFromTheCopyWithoutCallingTheService() {
        recommendations.forUser("ann");
        service.answerWith(500);
        recommendations.forUser("ann");
        recommendations.forUser("ann");
        assertThat(breaker.state()).as("breaker after 2 failed calls of 3 (the minimum is 2, the threshold 50%%): the "
                + "failures must be reported to it").isEqualTo(BreakerState.OPEN);
        int before = service.requests();
        for (int i = 0; i < 5; i++) {
            assertThat(recommendations.forUser("ann").source()).as("source of ann's recommendations with the breaker open")
                    .isEqualTo(Recommendations.Source.LAST_GOOD_COPY);
        }
        assertThat(service.requests() - before).as("calls to the service while the breaker is open").isZero();
        assertThat(redis.commands().get("recs:last:ann")).as("ann's copy after the failures: a failure must not replace it")
                .isEqualTo("book-for-ann,lamp,kettle");
    }

    @Test
    void homeSaysWhenItIsDegraded() throws Exception {
        try (Storefront shop = Storefront.builder(2).home(recommendations).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(shop.uri("/home?user=ann")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.body()).as("/home for ann with the service up")
                    .isEqualTo("{\"items\":[\"book-for-ann\",\"lamp\",\"kettle\"],\"degraded\":false,\"source\":\"LIVE\"}");
            toService.disable();
            HttpResponse<String> degraded = http.send(HttpRequest.newBuilder(shop.uri("/home?user=cy")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(degraded.statusCode()).as("/home with the service dead: still a page").isEqualTo(200);
            assertThat(degraded.body()).as("/home for cy (no copy kept) with the service dead")
                    .isEqualTo("{\"items\":[\"gift-card\",\"bestseller-1\",\"bestseller-2\"],\"degraded\":true,\"source\":\"DEFAULT\"}");
            assertThat(List.of(live.statusCode())).containsExactly(200);
        }
    }
}
