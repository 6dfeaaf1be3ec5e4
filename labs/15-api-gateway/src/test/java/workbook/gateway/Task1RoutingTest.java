package workbook.gateway;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1RoutingTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final RouteTable TABLE = new RouteTable(List.of(
            Route.anyHost("/v1/users", "users-v1"),
            Route.anyHost("/v2/users", "users-v2"),
            Route.anyHost("/v2/users/export", "exports"),
            Route.anyHost("/v1/orders", "orders"),
            new Route("admin.example.test", "/v1/users", "admin")));

    private Service users;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (users != null) {
            users.close();
        }
    }

    @Test
    void theVersionPicksTheServiceAndThePrefixIsStripped() {
        assertThat(TABLE.route("api.example.test", "/v1/users/42"))
                .as("GET /v1/users/42: the v1 users service, which knows nothing of /v1/users and sees /42")
                .contains(new Target("users-v1", "/42"));
        assertThat(TABLE.route("api.example.test", "/v2/users/42/orders"))
                .as("GET /v2/users/42/orders: the v2 service, path /42/orders").contains(new Target("users-v2", "/42/orders"));
        assertThat(TABLE.route("api.example.test", "/v1/orders"))
                .as("GET /v1/orders: the whole prefix stripped leaves the service's root, /").contains(new Target("orders", "/"));
    }

    @Test
    void aPrefixMatchesWholeSegmentsAndTheLongestWins() {
        assertThat(TABLE.route("api.example.test", "/v1/usersettings"))
                .as("/v1/usersettings is not under /v1/users: a prefix matches whole path segments").isEmpty();
        assertThat(TABLE.route("api.example.test", "/v2/users/export/2026"))
                .as("/v2/users/export/2026 matches /v2/users and /v2/users/export: the longest prefix wins")
                .contains(new Target("exports", "/2026"));
        assertThat(TABLE.route("api.example.test", "/v3/users/42")).as("no route for /v3: the gateway answers 404").isEmpty();
    }

    @Test
    void aRouteForTheHostComesFirst() {
        assertThat(TABLE.route("Admin.Example.Test:8443", "/v1/users/42"))
                .as("Host: Admin.Example.Test:8443 is admin.example.test (no case, no port): its own route wins")
                .contains(new Target("admin", "/42"));
        assertThat(TABLE.route("www.example.test", "/v1/users/42"))
                .as("any other host gets the route for any host").contains(new Target("users-v1", "/42"));
    }

    @Test
    void aTimeoutIs504AndAnyOtherFailureIs502() {
        assertThat(TABLE.statusFor(new HttpTimeoutException("request timed out")))
                .as("the service did not answer in time: 504 Gateway Timeout").isEqualTo(504);
        assertThat(TABLE.statusFor(new HttpConnectTimeoutException("connect timed out")))
                .as("the connection could not be opened in time: still a timeout, 504").isEqualTo(504);
        assertThat(TABLE.statusFor(new ConnectException("Connection refused")))
                .as("nothing listens where the service should be: 502 Bad Gateway").isEqualTo(502);
    }

    @Test
    void theGatewayAnswers404AndForwardsWithTheQuery() throws Exception {
        users = Service.start("users-v1");
        gateway = Gateway.builder().service(users).routes(TABLE).start();
        HttpResponse<String> found = Client.get(gateway.uri("/v1/users/42?fields=name"));
        assertThat(found.statusCode()).as("GET /v1/users/42?fields=name through the gateway; body: %s", found.body()).isEqualTo(200);
        assertThat(users.seen()).extracting(Service.Seen::path).as("what the users service received")
                .containsExactly("/42?fields=name");
        HttpResponse<String> missing = Client.get(gateway.uri("/v9/nothing"));
        assertThat(missing.statusCode()).as("GET /v9/nothing: no route; body: %s", missing.body()).isEqualTo(404);
        assertThat(users.requests()).as("requests that reached the users service").isEqualTo(1);
    }

    @Test
    void aDeadServiceIs502AndASlowOneIs504() throws Exception {
        users = Service.start("users-v1");
        Toxi.Proxied proxy = toxi.localPort("users-v1", users.port());
        gateway = Gateway.builder().service("users-v1", java.net.URI.create("http://" + proxy.address()))
                .routes(TABLE).forwardTimeout(Duration.ofMillis(300)).start();
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1_500);
        HttpResponse<String> slow = Client.get(gateway.uri("/v1/users/1"));
        assertThat(slow.statusCode()).as("the service answers after 1.5 s, the gateway waits 300 ms; body: %s", slow.body())
                .isEqualTo(504);
        proxy.toxics().get("slow").remove();
        proxy.disable();
        HttpResponse<String> dead = Client.get(gateway.uri("/v1/users/1"));
        assertThat(dead.statusCode()).as("nothing listens behind the route; body: %s", dead.body()).isEqualTo(502);
    }
}
