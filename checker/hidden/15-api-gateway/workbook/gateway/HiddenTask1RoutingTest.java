package workbook.gateway;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class HiddenTask1RoutingTest {
    /** Longest prefixes listed first this time, and a host with routes of its own for some paths only. */
    static final RouteTable TABLE = new RouteTable(List.of(
            Route.anyHost("/v2/users/export", "exports"),
            Route.anyHost("/v2/users", "users-v2"),
            Route.anyHost("/v1/users", "users-v1"),
            Route.anyHost("/v1/orders", "orders"),
            new Route("Partners.Example.Test", "/v1", "partners")));

    @Test
    void theLongestPrefixWinsWhateverTheOrder() {
        assertThat(TABLE.route("api.example.test", "/v2/users/export")).contains(new Target("exports", "/"));
        assertThat(TABLE.route("api.example.test", "/v2/users/exports")).as("/v2/users/exports is not under /v2/users/export")
                .contains(new Target("users-v2", "/exports"));
        assertThat(TABLE.route("api.example.test", "/v2/users/")).contains(new Target("users-v2", "/"));
    }

    @Test
    void aHostsOwnRouteWinsEvenWithAShorterPrefix() {
        assertThat(TABLE.route("partners.example.test", "/v1/users/7"))
                .as("the host's own /v1 route comes before the any-host /v1/users").contains(new Target("partners", "/users/7"));
        assertThat(TABLE.route("PARTNERS.example.test:443", "/v1")).contains(new Target("partners", "/"));
    }

    @Test
    void aHostWhoseRoutesDoNotMatchFallsBackToAnyHost() {
        assertThat(TABLE.route("partners.example.test", "/v2/users/7"))
                .as("the host's own routes do not cover /v2: the any-host routes apply").contains(new Target("users-v2", "/7"));
        assertThat(TABLE.route("partners.example.test", "/v3")).isEmpty();
    }

    @Test
    void noHostHeaderUsesTheAnyHostRoutes() {
        assertThat(TABLE.route(null, "/v1/orders/9")).contains(new Target("orders", "/9"));
        assertThat(TABLE.route(null, "/v1")).as("/v1 is a route for partners.example.test only").isEmpty();
        assertThat(TABLE.route("api.example.test", "/")).isEmpty();
        assertThat(TABLE.route("api.example.test", "/v1/order")).isEmpty();
    }

    @Test
    void onlyTimeoutsAre504() {
        assertThat(TABLE.statusFor(new IOException("Connection reset"))).isEqualTo(502);
        assertThat(TABLE.statusFor(new IllegalArgumentException("no service called x"))).isEqualTo(502);
        assertThat(TABLE.statusFor(new HttpTimeoutException("late") { })).isEqualTo(504);
    }

    @Test
    void theQueryFollowsTheStrippedPath() throws Exception {
        try (Service orders = Service.start("orders");
             Gateway gateway = Gateway.builder().service(orders).routes(TABLE).start()) {
            HttpResponse<String> response = Client.get(gateway.uri("/v1/orders?page=2&size=10"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(orders.seen()).extracting(Service.Seen::path).containsExactly("/?page=2&size=10");
        }
    }
}
