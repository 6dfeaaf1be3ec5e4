package workbook.failing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class HiddenTask6DegradationTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-01T03:00:00Z"));
    private Backend service;
    private CircuitBreaker breaker;
    private DegradedRecommendations recommendations;

    @BeforeEach
    void start() throws Exception {
        service = Backend.recommendations();
        breaker = new CircuitBreaker(new BreakerSettings(5, 50, 2, Duration.ofSeconds(20)), clock);
        recommendations = new DegradedRecommendations(new DependencyClient(URI.create("http://127.0.0.1:" + service.port()),
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))), breaker, redis.commands());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void successesAreReportedToTheBreakerToo() {
        for (int i = 0; i < 3; i++) {
            assertThat(recommendations.forUser("dee").source()).isEqualTo(Recommendations.Source.LIVE);
        }
        service.answerWith(500);
        recommendations.forUser("dee");
        recommendations.forUser("dee");
        assertThat(breaker.state()).as("breaker after 3 live answers and 2 failures (40%% of 5, threshold 50%%): the "
                + "successes count too").isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void afterTheCooldownAGoodProbeBringsLiveAnswersBack() {
        recommendations.forUser("eve");
        service.answerWith(503);
        for (int i = 0; i < 4; i++) {
            recommendations.forUser("eve");
        }
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        service.answerWith(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(recommendations.forUser("eve").source()).as("the probe after the cooldown, service healthy again")
                .isEqualTo(Recommendations.Source.LIVE);
        assertThat(breaker.state()).as("after a good probe").isEqualTo(BreakerState.CLOSED);
        assertThat(recommendations.forUser("eve").source()).as("the call after the good probe").isEqualTo(Recommendations.Source.LIVE);
    }

    @Test
    void eachUserHasTheirOwnCopyAndAFreshAnswerReplacesIt() {
        recommendations.forUser("fay");
        recommendations.forUser("gus");
        assertThat(redis.commands().get("recs:last:fay")).isEqualTo("book-for-fay,lamp,kettle");
        assertThat(redis.commands().get("recs:last:gus")).isEqualTo("book-for-gus,lamp,kettle");
        redis.commands().set("recs:last:fay", "old");
        assertThat(recommendations.forUser("fay").items()).containsExactly("book-for-fay", "lamp", "kettle");
        assertThat(redis.commands().get("recs:last:fay")).as("fay's copy after a fresh live answer").isEqualTo("book-for-fay,lamp,kettle");
        service.answerWith(500);
        Recommendations degraded = recommendations.forUser("gus");
        assertThat(degraded.items()).containsExactly("book-for-gus", "lamp", "kettle");
        assertThat(degraded.degraded()).isTrue();
        assertThat(redis.commands().ttl("recs:last:gus")).as("gus's copy keeps its expiry after a failure").isGreaterThan(86_000L);
    }
}
