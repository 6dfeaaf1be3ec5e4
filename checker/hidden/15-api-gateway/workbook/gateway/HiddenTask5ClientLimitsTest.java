package workbook.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(5)
class HiddenTask5ClientLimitsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final Plan BURST = new Plan("burst", 2, Duration.ofSeconds(10));
    static final Map<String, Plan> PLANS = Map.of("k-free", Plan.FREE, "k-pro", Plan.PRO, "k-burst", BURST);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:59.001Z"));
    private PlanLimits limits;

    @BeforeEach
    void create() {
        limits = new PlanLimits(redis.commands(), PLANS, clock);
    }

    @Test
    void remainingCountsDownToZeroAndStaysThere() {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Decision decision = limits.check("k-free");
            seen.add(decision.allowed() + "/" + decision.remaining());
        }
        assertThat(seen).containsExactly("true/4", "true/3", "true/2", "true/1", "true/0", "false/0", "false/0");
    }

    @Test
    void theWindowEdgeIsExact() {
        Decision last = limits.check("k-free");
        assertThat(last.resetSeconds()).as("0.999 s left in the window, rounded up").isEqualTo(1);
        assertThat(last.windowSeconds()).isEqualTo(60);
        assertThat(last.limit()).isEqualTo(5);
        assertThat(last.policy()).isEqualTo("free");
        for (int i = 0; i < 4; i++) {
            limits.check("k-free");
        }
        clock.advance(Duration.ofMillis(998));
        assertThat(limits.check("k-free").allowed()).as("at 59.999 s: still the full window").isFalse();
        clock.advance(Duration.ofMillis(1));
        Decision fresh = limits.check("k-free");
        assertThat(fresh.allowed()).as("at 60.000 s: a new window").isTrue();
        assertThat(fresh.remaining()).isEqualTo(4);
        assertThat(fresh.resetSeconds()).isEqualTo(60);
    }

    @Test
    void eachPlanHasItsOwnWindow() {
        assertThat(limits.check("k-burst").resetSeconds()).as("a 10 s plan at 59.001 s").isEqualTo(1);
        assertThat(limits.check("k-burst").allowed()).isTrue();
        assertThat(limits.check("k-burst").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        Decision next = limits.check("k-burst");
        assertThat(next.allowed()).as("the next 10 s window").isTrue();
        assertThat(next.resetSeconds()).isEqualTo(10);
        assertThat(next.windowSeconds()).isEqualTo(10);
        for (String key : redis.commands().keys("*")) {
            assertThat(redis.commands().pttl(key)).as("TTL of %s", key).isBetween(1L, 60_000L);
        }
        assertThat(limits.check("k-pro").remaining()).isEqualTo(19);
    }

    @Test
    void aMissingOrUnknownKeyNeverReachesTheService() throws Exception {
        assertThatThrownBy(() -> limits.check(null)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> limits.check("k-nobody")).isInstanceOf(Rejected.class);
        try (Service orders = Service.start("orders");
             Gateway gateway = Gateway.builder().service(orders).routes(Routes.everythingTo("orders")).limits(limits).start()) {
            HttpResponse<String> response = Client.get(gateway.uri("/x"));
            assertThat(response.statusCode()).isEqualTo(401);
            HttpResponse<String> pro = Client.get(gateway.uri("/x"), "X-Api-Key", "k-pro");
            assertThat(pro.headers().firstValue("RateLimit-Policy")).contains("\"pro\";q=20;w=60");
            assertThat(pro.headers().firstValue("RateLimit")).contains("\"pro\";r=19;t=1");
            assertThat(orders.requests()).isEqualTo(1);
        }
        assertThat(redis.commands().keys("*")).as("a refused key leaves no counter behind").hasSize(1);
    }
}
