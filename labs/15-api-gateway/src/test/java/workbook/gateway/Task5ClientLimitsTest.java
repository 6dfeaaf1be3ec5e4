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

@Task(5)
class Task5ClientLimitsTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** 20 s into a one-minute window. */
    static final Instant START = Instant.parse("2026-03-02T09:00:20Z");
    static final Map<String, Plan> PLANS = Map.of("key-free-1", Plan.FREE, "key-free-2", Plan.FREE, "key-pro-1", Plan.PRO);

    private final MutableClock clock = MutableClock.at(START);
    private final List<Gateway> gateways = new ArrayList<>();
    private Service orders;

    @BeforeEach
    void startService() throws Exception {
        orders = Service.start("orders");
    }

    @AfterEach
    void stop() {
        gateways.forEach(Gateway::close);
        orders.close();
    }

    Gateway gateway() throws Exception {
        Gateway gateway = Gateway.builder().service(orders).routes(Routes.everythingTo("orders"))
                .limits(new PlanLimits(redis.commands(), PLANS, clock)).start();
        gateways.add(gateway);
        return gateway;
    }

    static List<Integer> statuses(Gateway gateway, String apiKey, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(Client.get(gateway.uri("/orders"), "X-Api-Key", apiKey).statusCode());
        }
        return statuses;
    }

    @Test
    void twoGatewaysShareOneLimitPerKey() throws Exception {
        Gateway first = gateway();
        Gateway second = gateway();
        List<Integer> statuses = new ArrayList<>(statuses(first, "key-free-1", 4));
        statuses.addAll(statuses(second, "key-free-1", 4));
        assertThat(statuses).as("8 requests of a free key (5 a minute), 4 through each of two gateway instances: a count "
                + "kept in each gateway's memory lets 5 through each; the count must live in Redis")
                .containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(orders.requests()).as("requests that reached the service: refused ones must stop at the gateway").isEqualTo(5);
    }

    @Test
    void eachKeyHasItsOwnPlan() throws Exception {
        Gateway gateway = gateway();
        assertThat(statuses(gateway, "key-free-1", 6)).as("free key, 6 requests").containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(statuses(gateway, "key-free-2", 2)).as("another free key: its own count").containsExactly(200, 200);
        assertThat(statuses(gateway, "key-pro-1", 21).stream().filter(status -> status == 200).count())
                .as("requests of a pro key (20 a minute) let through out of 21").isEqualTo(20);
        assertThat(Client.get(gateway.uri("/orders"), "X-Api-Key", "key-nobody").statusCode())
                .as("an unknown API key").isEqualTo(401);
    }

    @Test
    void aRefusalSaysWhatIsLeftAndWhenTheWindowEnds() throws Exception {
        Gateway gateway = gateway();
        HttpResponse<String> first = Client.get(gateway.uri("/orders"), "X-Api-Key", "key-free-1");
        assertThat(first.headers().firstValue("RateLimit-Policy")).as("RateLimit-Policy of the first answer")
                .contains("\"free\";q=5;w=60");
        assertThat(first.headers().firstValue("RateLimit")).as("RateLimit of the first answer, 20 s into the window")
                .contains("\"free\";r=4;t=40");
        statuses(gateway, "key-free-1", 4);
        clock.advance(Duration.ofMillis(14_500));
        HttpResponse<String> refused = Client.get(gateway.uri("/orders"), "X-Api-Key", "key-free-1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit")).as("RateLimit of the 429 at 34.5 s: nothing left, the window "
                + "ends in 25.5 s, rounded up").contains("\"free\";r=0;t=26");
        assertThat(refused.headers().firstValue("Retry-After")).as("Retry-After of the 429").contains("26");
    }

    @Test
    void theNextWindowStartsAFreshCount() throws Exception {
        Gateway gateway = gateway();
        assertThat(statuses(gateway, "key-free-1", 6)).containsExactly(200, 200, 200, 200, 200, 429);
        clock.advance(Duration.ofSeconds(40));
        assertThat(statuses(gateway, "key-free-1", 6)).as("the same key in the next minute: a fresh count of 5")
                .containsExactly(200, 200, 200, 200, 200, 429);
        List<String> keys = redis.commands().keys("*");
        assertThat(keys).as("counters in Redis for one key over two windows").hasSize(2);
        for (String key : keys) {
            assertThat(redis.commands().pttl(key)).as("TTL of %s in ms: a counter without one stays in Redis forever", key)
                    .isBetween(1L, 60_000L);
        }
    }
}
