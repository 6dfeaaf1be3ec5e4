package workbook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3CorrelationIdTest {
    private final AtomicInteger made = new AtomicInteger();
    private Service orders;
    private Service stock;
    private Service prices;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        orders = Service.start("orders");
        stock = Service.start("stock");
        prices = Service.start("prices");
        Duration second = Duration.ofSeconds(1);
        gateway = Gateway.builder().service(orders).service(stock).service(prices)
                .routes(new RouteTableForTests())
                .ids(new CorrelationIds(() -> "gw-" + (100_000 + made.incrementAndGet())))
                .aggregate("/overview", List.of(new Part("orders", "orders", "/recent", second, true),
                        new Part("stock", "stock", "/levels", second, true), new Part("prices", "prices", "/today", second, true)))
                .start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        orders.close();
        stock.close();
        prices.close();
    }

    @Test
    void aRequestWithoutAnIdGetsOneThatTheServiceAndTheLogSee() throws Exception {
        HttpResponse<String> response = Client.get(gateway.uri("/orders/7"));
        assertThat(response.headers().firstValue(RequestIds.HEADER)).as("X-Request-Id of the gateway's answer to a "
                + "request that had none: the gateway makes one").contains("gw-100001");
        assertThat(orders.seen()).extracting(Service.Seen::requestId)
                .as("X-Request-Id the service received: without it, its logs cannot be joined to the gateway's")
                .containsExactly("gw-100001");
        assertThat(gateway.log()).as("the gateway's log line for the request").containsExactly("request_id=gw-100001 GET /orders/7 -> 200");
    }

    @Test
    void aWellFormedIdFromTheClientIsKept() throws Exception {
        HttpResponse<String> response = Client.get(gateway.uri("/orders/7"), RequestIds.HEADER, "checkout-7f3a9c21");
        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains("checkout-7f3a9c21");
        assertThat(orders.seen()).extracting(Service.Seen::requestId).containsExactly("checkout-7f3a9c21");
        assertThat(made.get()).as("ids the gateway made for a request that brought a good one").isZero();
    }

    @Test
    void aMalformedIdIsReplaced() throws Exception {
        for (String bad : List.of("x", "a b c d e f g h", "x".repeat(65), "<script>alert(1)</script>")) {
            Client.get(gateway.uri("/orders/7"), RequestIds.HEADER, bad);
        }
        assertThat(orders.seen()).extracting(Service.Seen::requestId)
                .as("ids the service received for 4 malformed ones (too short, spaces, 65 chars, markup): the "
                        + "gateway replaces what it cannot put safely into a header, a log line or JSON")
                .containsExactly("gw-100001", "gw-100002", "gw-100003", "gw-100004");
    }

    @Test
    void anErrorBodyNamesTheRequest() throws Exception {
        HttpResponse<String> response = Client.get(gateway.uri("/nowhere"), RequestIds.HEADER, "support-case-0042");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body.path("request_id").asText()).as("request_id in the 404's body %s: what a client quotes to "
                + "support", response.body()).isEqualTo("support-case-0042");
        assertThat(body.path("status").asInt()).as("status in the body %s", response.body()).isEqualTo(404);
        assertThat(body.path("error").asText()).as("error in the body %s", response.body()).isEqualTo("no route for /nowhere");
    }

    @Test
    void everyCallOfAnAggregateCarriesTheSameId() throws Exception {
        Client.get(gateway.uri("/overview"), RequestIds.HEADER, "dashboard-000017");
        assertThat(List.of(orders, stock, prices)).flatExtracting(Service::seen).extracting(Service.Seen::requestId)
                .as("X-Request-Id at the three services called for one aggregate request").containsExactly(
                        "dashboard-000017", "dashboard-000017", "dashboard-000017");
    }

    /** /orders/... goes to orders; nothing else has a route. */
    private static final class RouteTableForTests implements Routes {
        @Override
        public java.util.Optional<Target> route(String host, String path) {
            return path.startsWith("/orders/") ? java.util.Optional.of(new Target("orders", path)) : java.util.Optional.empty();
        }

        @Override
        public int statusFor(Throwable failure) {
            return 502;
        }
    }
}
